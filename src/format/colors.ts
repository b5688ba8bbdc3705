/** Every embed color the bot uses, in one place. */
export const COLORS = {
  micro: 0x2ecc71,
  mezzo: 0xf39c12,
  macro: 0x3498db,
  /** Neutral: general entries, and anything shown before a quiz answer is revealed. */
  general: 0x95a5a6,
  right: 0x2ecc71,
  wrong: 0xe74c3c,
  problem: 0xe74c3c,
} as const;
