import { MessageFlags, type RESTPostAPIChannelMessageJSONBody } from 'discord-api-types/v10';
import { MessagePayload as DjsMessagePayload, type MessageTarget, type RawFile } from 'discord.js';
import type { ReplyPayload } from '../interactions/types.ts';

/** A message as Discord's API takes it: the JSON body, and the files sent beside it. */
export interface ApiMessage {
  readonly body: RESTPostAPIChannelMessageJSONBody;
  readonly files: RawFile[];
}

/**
 * The one conversion from a payload (already fitted to Discord's limits in bot/outgoing.ts) to
 * Discord's own shape, used for REST posts and interaction replies alike.
 */
export function apiMessage(payload: ReplyPayload): ApiMessage {
  const files = payload.files ?? [];
  return {
    body: {
      content: payload.content,
      embeds: payload.embeds,
      components: payload.components,
      allowed_mentions: payload.allowedMentions,
      // Each file is announced as an attachment whose id is its place among the files.
      attachments: files.length === 0 ? undefined : files.map((file, index) => ({ id: String(index), filename: file.name, description: file.description })),
      flags: payload.ephemeral === true ? MessageFlags.Ephemeral : undefined,
    },
    files: files.map((file) => ({ name: file.name, data: file.data })),
  };
}

/** The same, for discord.js's interaction methods: a payload whose body and files are already resolved is sent as it is. */
export function interactionMessage(target: MessageTarget, payload: ReplyPayload): DjsMessagePayload {
  const message = new DjsMessagePayload(target, {});
  const { body, files } = apiMessage(payload);
  message.body = body;
  message.files = files;
  return message;
}
