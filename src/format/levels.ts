import type { Level } from '../domain/levels.ts';
import { COLORS } from './colors.ts';

/** One color and badge per level, used by every embed. */
export const LEVEL_STYLE: Readonly<Record<Level, { color: number; badge: string; label: string }>> = {
  micro: { color: COLORS.micro, badge: '🟢', label: 'Micro' },
  mezzo: { color: COLORS.mezzo, badge: '🟠', label: 'Mezzo' },
  macro: { color: COLORS.macro, badge: '🔵', label: 'Macro' },
  general: { color: COLORS.general, badge: '⚪', label: 'General' },
};

export function levelBadges(levels: readonly Level[]): string {
  return levels.map((level) => `${LEVEL_STYLE[level].badge} ${LEVEL_STYLE[level].label}`).join(' · ');
}

export function levelColor(levels: readonly Level[]): number {
  return LEVEL_STYLE[levels[0] ?? 'general'].color;
}
