/** What Discord said about a failed REST call: discord.js's DiscordAPIError carries both. */
export function discordError(error: unknown): { status?: number; code?: number } {
  const { status, code } = (error ?? {}) as { status?: unknown; code?: unknown };
  return { ...(typeof status === 'number' ? { status } : {}), ...(typeof code === 'number' ? { code } : {}) };
}

/** Discord's "Cannot send messages to this user": DMs closed, or no server in common. */
export const CANNOT_DM_USER = 50007;
