import type { Level } from '../knowledge/schema.ts';

/** One colour and badge per level, used by every embed. */
export const LEVEL_STYLE: Readonly<Record<Level, { colour: number; badge: string; label: string }>> = {
  micro: { colour: 0x2ecc71, badge: '🟢', label: 'Micro' },
  mezzo: { colour: 0xf39c12, badge: '🟠', label: 'Mezzo' },
  macro: { colour: 0x3498db, badge: '🔵', label: 'Macro' },
  general: { colour: 0x95a5a6, badge: '⚪', label: 'General' },
};

export function levelBadges(levels: readonly Level[]): string {
  return levels.map((level) => `${LEVEL_STYLE[level].badge} ${LEVEL_STYLE[level].label}`).join(' · ');
}

export function levelColour(levels: readonly Level[]): number {
  return LEVEL_STYLE[levels[0] ?? 'general'].colour;
}
