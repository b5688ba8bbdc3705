import { fitPayload } from '../format/limits.ts';
import type { ButtonInteraction, ChannelReader, MessagePayload, Messenger, ReplyPayload } from '../interactions/types.ts';

interface Answering {
  reply(payload: ReplyPayload): Promise<void>;
  followUp(payload: ReplyPayload): Promise<void>;
}

/**
 * The interaction with every payload it sends cut to Discord's limits and its mentions locked
 * down: the one place this happens for replies, whichever transport (Discord, the console,
 * the bench) carries them. Everything else, `replied` included, is read from the original.
 */
export function fitReplies<T extends Answering>(interaction: T): T {
  const fitted = Object.create(interaction) as T;
  fitted.reply = (payload) => interaction.reply(fitPayload(payload));
  fitted.followUp = (payload) => interaction.followUp(fitPayload(payload));
  return fitted;
}

/** A button press's answers fitted the same way, its in-place update included. */
export function fitButtonReplies(interaction: ButtonInteraction): ButtonInteraction {
  const fitted = fitReplies(interaction);
  fitted.update = (payload: MessagePayload) => interaction.update(fitPayload(payload));
  return fitted;
}

/** The same for posts outside interactions (quiz rounds, the term of the day, reminders). */
export function fitMessages<T extends Messenger & ChannelReader>(transport: T): Messenger & ChannelReader {
  return {
    send: (channelId, payload, options) => transport.send(channelId, fitPayload(payload), options),
    edit: (channelId, messageId, payload) => transport.edit(channelId, messageId, fitPayload(payload)),
    ...(transport.openDm === undefined ? {} : { openDm: transport.openDm.bind(transport) }),
    recentMessages: transport.recentMessages.bind(transport),
    channelFacts: transport.channelFacts.bind(transport),
  };
}
