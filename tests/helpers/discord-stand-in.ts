import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A local stand-in for Discord's REST API and gateway v10, on 127.0.0.1, that the real
 * discord.js client logs in to. It records every REST call so tests can assert on what
 * the bot sent, and dispatches gateway events (guilds, interactions) to the bot.
 */

export const BOT_USER = { id: '900000000000000001', username: 'Levels Tutor', discriminator: '0', global_name: null, avatar: null, bot: true };
export const APPLICATION_ID = '900000000000000002';
export const TOKEN = 'OTAwMDAwMDAwMDAwMDAwMDAx.GstandIn.abcdefghijklmnopqrstuvwxyz0123456789ABCD';

/** Discord permission bits used here. */
export const PERMISSIONS = {
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  EmbedLinks: 1n << 14n,
  ManageMessages: 1n << 13n,
  ManageGuild: 1n << 5n,
  ReadMessageHistory: 1n << 16n,
  MentionEveryone: 1n << 17n,
  UseExternalApps: 1n << 50n,
};
const EVERYONE_PERMISSIONS = PERMISSIONS.ViewChannel | PERMISSIONS.SendMessages | PERMISSIONS.EmbedLinks | PERMISSIONS.ReadMessageHistory;

export interface StandInChannel {
  id: string;
  name: string;
  /** Discord channel type: 0 text, 2 voice, 4 category, 5 announcement. */
  type?: number;
  /** Deny the bot these permissions here (a permission overwrite on the bot's role). */
  denyBot?: bigint;
}

export interface StandInGuild {
  id: string;
  name: string;
  channels: StandInChannel[];
  roles?: Array<{ id: string; name: string }>;
}

export interface RecordedRequest {
  method: string;
  /** Path after /api/v10, e.g. /interactions/1/tok/callback. */
  path: string;
  query: URLSearchParams;
  /** JSON bodies parsed; for a multipart upload, its parsed `payload_json`. */
  body: any;
  /** Files of a multipart upload (`files[n]` parts), in order. */
  files: UploadedFile[];
  at: number;
}

/**
 * How the app reached the place of an interaction, as Discord reports it: installed by the
 * server (the default in a guild) or by the student (`user`), in a guild (context 0), the
 * bot's DM (1) or another DM or group DM (2). A user install in a guild the stand-in does
 * not serve is a server without the bot: the gateway never told the bot about it.
 */
export interface Where {
  install?: 'guild' | 'user';
  context?: 0 | 1 | 2;
}

export interface UploadedFile {
  field: string;
  name: string;
  contentType: string;
  data: Buffer;
}

/** A multipart/form-data body as discord.js sends attachments: `payload_json` plus `files[n]` parts. */
async function parseMultipart(raw: Buffer, contentType: string): Promise<{ body: any; files: UploadedFile[] }> {
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  const files: UploadedFile[] = [];
  for (const [field, value] of form.entries()) {
    if (typeof value !== 'string') files.push({ field, name: value.name, contentType: value.type, data: Buffer.from(await value.arrayBuffer()) });
  }
  const json = form.get('payload_json');
  return { body: typeof json === 'string' ? JSON.parse(json) : {}, files };
}

export interface StandInUser {
  id: string;
  username: string;
  /** Member permissions in the guild (defaults to none beyond @everyone). */
  permissions?: bigint;
  /** Permissions a server takes away from this member (e.g. Use External Apps). */
  denied?: bigint;
}

/**
 * A fault to inject on matching REST calls: `before` answers with `status` without doing
 * anything, `after` does the work (e.g. stores the message) and then answers `status`,
 * `slow` waits `delayMs` before doing the work. `times` faults, then normal service.
 */
export interface RouteFault {
  method: string;
  path: RegExp;
  mode: 'before' | 'after' | 'slow';
  status?: number;
  code?: number;
  delayMs?: number;
  times?: number;
}

let snowflakeCounter = 0n;
export function snowflake(): string {
  snowflakeCounter += 1n;
  // A plausible snowflake: timestamp bits shifted, plus a counter.
  return String(((BigInt(Date.now()) - 1420070400000n) << 22n) + snowflakeCounter);
}

export class DiscordStandIn {
  readonly requests: RecordedRequest[] = [];
  readonly identifies: any[] = [];
  /** Messages the bot posted, per channel, newest last. */
  readonly messages = new Map<string, any[]>();
  private readonly guilds: StandInGuild[] = [];
  /** DM channels the bot opened, by channel id: the recipient's user id. */
  readonly dmChannels = new Map<string, string>();
  /** Users whose DMs are closed to the bot: sends answer 403, code 50007, as Discord does. */
  readonly closedDms = new Set<string>();
  /** While true, DM sends are stored but never answered: the bot hangs mid-send, as in a crash. */
  holdDmReplies = false;
  private readonly sockets = new Set<WebSocket>();
  /** Each identified connection's [shard id, shard count]. */
  private readonly shards = new Map<WebSocket, [number, number]>();
  private readonly faults: Array<RouteFault & { left: number }> = [];
  private readonly waiters: Array<{ match: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }> = [];
  private server?: Server;
  private wss?: WebSocketServer;
  private sequence = 0;
  port = 0;

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** Makes matching routes fail (see RouteFault) until `times` faults have been served. */
  failRoute(fault: RouteFault): void {
    this.faults.push({ ...fault, left: fault.times ?? 1 });
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  addGuild(guild: StandInGuild): void {
    this.guilds.push(guild);
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      // A stand-in bug answers 500 so the test fails on the bot's side instead of hanging.
      this.handle(req, res).catch((error: unknown) => res.writeHead(500).end(String(error)));
    });
    this.wss = new WebSocketServer({ server: this.server });
    this.wss.on('connection', (socket) => this.onGateway(socket));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.wss?.close(() => resolve()) ?? resolve());
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Resolves with the first request (past or future) that matches. */
  waitForRequest(match: (r: RecordedRequest) => boolean, timeoutMs = 10_000): Promise<RecordedRequest> {
    const seen = this.requests.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`stand-in: no matching request within ${timeoutMs} ms; saw:\n${this.requests.map((r) => `${r.method} ${r.path}`).join('\n')}`)),
        timeoutMs,
      );
      this.waiters.push({
        match,
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
      });
    });
  }

  /** The bot's answer to one interaction: the initial callback. */
  callbackFor(interactionId: string, timeoutMs?: number): Promise<RecordedRequest> {
    return this.waitForRequest((r) => r.method === 'POST' && r.path.startsWith(`/interactions/${interactionId}/`), timeoutMs);
  }

  get connected(): boolean {
    return this.sockets.size > 0;
  }

  /** Sends a gateway dispatch to every connected shard. */
  dispatch(event: string, data: unknown): void {
    for (const socket of this.sockets) this.send(socket, { op: 0, t: event, s: ++this.sequence, d: data });
  }

  /** As Discord does: a guild's events go to the shard that owns the guild, direct messages to shard 0. */
  private dispatchFor(guildId: string | null, event: string, data: unknown): void {
    for (const [socket, [shardId, shardCount]] of this.shards) {
      const owner = guildId === null ? 0 : Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
      if (owner === shardId) this.send(socket, { op: 0, t: event, s: ++this.sequence, d: data });
    }
  }

  // ---- interactions -------------------------------------------------------------

  private base(type: number, user: StandInUser, guildId: string | null, channelId: string, where: Where = {}) {
    const id = snowflake();
    const context = where.context ?? (guildId ? 0 : 1);
    const install = where.install ?? (guildId ? 'guild' : context === 1 ? 'guild' : 'user');
    const apiUser = { id: user.id, username: user.username, discriminator: '0', global_name: user.username, avatar: null };
    // Discord grants @everyone "Use External Apps" unless a server turns it off.
    const memberPermissions = EVERYONE_PERMISSIONS | PERMISSIONS.UseExternalApps | (user.permissions ?? 0n);
    const member = guildId
      ? {
          user: apiUser,
          roles: [],
          permissions: String(memberPermissions & ~(user.denied ?? 0n)),
          joined_at: new Date(0).toISOString(),
          deaf: false,
          mute: false,
          flags: 0,
          nick: null,
          avatar: null,
          premium_since: null,
          pending: false,
          communication_disabled_until: null,
        }
      : undefined;
    const channelType = guildId ? 0 : context === 1 ? 1 : 3;
    return {
      id,
      application_id: APPLICATION_ID,
      type,
      token: `token-${id}`,
      version: 1,
      guild_id: guildId ?? undefined,
      // Where the bot is no member, Discord sends only this partial guild.
      guild: guildId && install === 'user' ? { id: guildId, locale: 'en-US', features: [] } : undefined,
      channel_id: channelId,
      channel: guildId ? { id: channelId, type: channelType, guild_id: guildId, name: 'channel' } : { id: channelId, type: channelType, recipients: [apiUser] },
      member,
      user: guildId ? undefined : apiUser,
      app_permissions: String(EVERYONE_PERMISSIONS),
      locale: 'en-US',
      guild_locale: guildId ? 'en-US' : undefined,
      entitlements: [],
      authorizing_integration_owners: install === 'guild' ? { '0': guildId ?? '0' } : { '1': user.id },
      context,
    };
  }

  /** Dispatches a slash command; `options` are API option objects (use `option()` helpers). */
  chatInput(input: { name: string; options?: any[]; user: StandInUser; guildId: string | null; channelId: string; resolved?: any; where?: Where }): string {
    const payload = {
      ...this.base(2, input.user, input.guildId, input.channelId, input.where),
      data: { id: snowflake(), name: input.name, type: 1, options: input.options ?? [], resolved: input.resolved, guild_id: input.guildId ?? undefined },
    };
    this.dispatchFor(payload.guild_id ?? null, 'INTERACTION_CREATE', payload);
    return payload.id;
  }

  autocomplete(input: { name: string; options: any[]; user: StandInUser; guildId: string | null; channelId: string }): string {
    const payload = {
      ...this.base(4, input.user, input.guildId, input.channelId),
      data: { id: snowflake(), name: input.name, type: 1, options: input.options },
    };
    this.dispatchFor(payload.guild_id ?? null, 'INTERACTION_CREATE', payload);
    return payload.id;
  }

  /** A button press; `message` is the message it sits on (its embeds, flags 64 when private), as Discord sends it. */
  button(input: {
    customId: string;
    user: StandInUser;
    guildId: string | null;
    channelId: string;
    messageId?: string;
    message?: { embeds?: any[]; components?: any[]; flags?: number };
    where?: Where;
  }): string {
    const payload = {
      ...this.base(3, input.user, input.guildId, input.channelId, input.where),
      data: { custom_id: input.customId, component_type: 2 },
      message: this.messageObject(input.channelId, input.messageId ?? snowflake(), input.message ?? {}),
    };
    this.dispatchFor(payload.guild_id ?? null, 'INTERACTION_CREATE', payload);
    return payload.id;
  }

  /** A message context-menu command ("Explain with Levels Tutor") on a message someone else wrote. */
  messageCommand(input: {
    name: string;
    target: { content: string; author: StandInUser; embeds?: any[] };
    user: StandInUser;
    guildId: string | null;
    channelId: string;
    where?: Where;
  }): string {
    const targetId = snowflake();
    const author = {
      id: input.target.author.id,
      username: input.target.author.username,
      discriminator: '0',
      global_name: input.target.author.username,
      avatar: null,
    };
    const message = { ...this.messageObject(input.channelId, targetId, { content: input.target.content, embeds: input.target.embeds }), author };
    const payload = {
      ...this.base(2, input.user, input.guildId, input.channelId, input.where),
      data: {
        id: snowflake(),
        name: input.name,
        type: 3,
        target_id: targetId,
        resolved: { messages: { [targetId]: message } },
        guild_id: input.guildId ?? undefined,
      },
    };
    this.dispatch('INTERACTION_CREATE', payload);
    return payload.id;
  }

  /**
   * A submitted modal: `values` by field custom id, a string for a text input, an array for a
   * string select; each in a label component (type 18), as Discord sends forms with labels.
   */
  modalSubmit(input: {
    customId: string;
    values: Record<string, string | string[]>;
    user: StandInUser;
    guildId: string | null;
    channelId: string;
    where?: Where;
  }): string {
    const components = Object.entries(input.values).map(([customId, value], i) => ({
      type: 18,
      id: i * 2 + 1,
      component: Array.isArray(value) ? { type: 3, id: i * 2 + 2, custom_id: customId, values: value } : { type: 4, id: i * 2 + 2, custom_id: customId, value },
    }));
    const payload = { ...this.base(5, input.user, input.guildId, input.channelId, input.where), data: { custom_id: input.customId, components } };
    this.dispatch('INTERACTION_CREATE', payload);
    return payload.id;
  }

  /** The resolved-data block for a user option, as Discord sends it. */
  resolvedUser(user: StandInUser) {
    return { users: { [user.id]: { id: user.id, username: user.username, discriminator: '0', global_name: user.username, avatar: null } } };
  }

  /** The resolved-data block for a channel option, as Discord sends it. */
  resolvedChannel(guildId: string, channelId: string) {
    const channel = this.guilds.find((g) => g.id === guildId)?.channels.find((c) => c.id === channelId);
    return {
      channels: { [channelId]: { id: channelId, name: channel?.name ?? 'unknown', type: channel?.type ?? 0, permissions: String(EVERYONE_PERMISSIONS) } },
    };
  }

  // ---- gateway ------------------------------------------------------------------

  private send(socket: WebSocket, payload: unknown): void {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(payload));
  }

  private onGateway(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.shards.delete(socket);
    });
    this.send(socket, { op: 10, d: { heartbeat_interval: 45_000 } });
    socket.on('message', (raw) => {
      const message = JSON.parse(raw.toString());
      if (message.op === 1) this.send(socket, { op: 11 });
      if (message.op === 2) this.onIdentify(socket, message.d);
    });
  }

  private onIdentify(socket: WebSocket, identify: any): void {
    this.identifies.push(identify);
    const [shardId, shardCount] = identify.shard ?? [0, 1];
    this.shards.set(socket, [shardId, shardCount]);
    const mine = this.guilds.filter((g) => Number((BigInt(g.id) >> 22n) % BigInt(shardCount)) === shardId);
    this.send(socket, {
      op: 0,
      t: 'READY',
      s: ++this.sequence,
      d: {
        v: 10,
        user: BOT_USER,
        guilds: mine.map((g) => ({ id: g.id, unavailable: true })),
        session_id: `session-${shardId}`,
        resume_gateway_url: `ws://127.0.0.1:${this.port}`,
        shard: [shardId, shardCount],
        application: { id: APPLICATION_ID, flags: 0 },
      },
    });
    for (const guild of mine) this.send(socket, { op: 0, t: 'GUILD_CREATE', s: ++this.sequence, d: this.guildObject(guild) });
  }

  private guildObject(guild: StandInGuild) {
    const botRoleId = `${guild.id.slice(0, -1)}9`;
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      owner_id: '100000000000000000',
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [
        {
          id: guild.id,
          name: '@everyone',
          permissions: String(EVERYONE_PERMISSIONS),
          position: 0,
          color: 0,
          hoist: false,
          managed: false,
          mentionable: false,
          flags: 0,
        },
        { id: botRoleId, name: 'Levels Tutor', permissions: '0', position: 1, color: 0, hoist: false, managed: true, mentionable: false, flags: 0 },
        ...(guild.roles ?? []).map((r, i) => ({
          ...r,
          permissions: '0',
          position: i + 2,
          color: 0,
          hoist: false,
          managed: false,
          mentionable: true,
          flags: 0,
        })),
      ],
      emojis: [],
      features: [],
      mfa_level: 0,
      system_channel_flags: 0,
      premium_tier: 0,
      preferred_locale: 'en-US',
      nsfw_level: 0,
      stickers: [],
      premium_progress_bar_enabled: false,
      joined_at: new Date(0).toISOString(),
      large: false,
      unavailable: false,
      member_count: 2,
      members: [{ user: BOT_USER, roles: [botRoleId], joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 }],
      channels: guild.channels.map((c, position) => ({
        id: c.id,
        type: c.type ?? 0,
        guild_id: guild.id,
        name: c.name,
        position,
        parent_id: null,
        nsfw: false,
        permission_overwrites: c.denyBot ? [{ id: botRoleId, type: 0, allow: '0', deny: String(c.denyBot) }] : [],
      })),
      threads: [],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  // ---- REST ---------------------------------------------------------------------

  private messageObject(channelId: string, id: string, body: any) {
    return {
      id,
      channel_id: channelId,
      author: BOT_USER,
      content: body.content ?? '',
      embeds: body.embeds ?? [],
      components: body.components ?? [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: body.flags ?? 0,
      type: 0,
    };
  }

  private channel(channelId: string): StandInChannel | undefined {
    return this.guilds.flatMap((g) => g.channels).find((c) => c.id === channelId);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    const raw = bytes.toString();
    const contentType = req.headers['content-type'] ?? '';
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname.replace(/^\/api\/v\d+/, '');
    const upload = contentType.startsWith('multipart/form-data') ? await parseMultipart(bytes, contentType) : null;
    const body = upload?.body ?? (raw && contentType.includes('json') ? JSON.parse(raw) : raw);
    const record: RecordedRequest = { method: req.method ?? 'GET', path, query: url.searchParams, body, files: upload?.files ?? [], at: Date.now() };
    const reply = (status: number, body?: unknown) => {
      res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bot ${TOKEN}` && !path.startsWith('/interactions/') && !path.startsWith('/webhooks/')) {
      reply(401, { message: '401: Unauthorized', code: 0 });
      return;
    }
    this.requests.push(record);
    for (const waiter of [...this.waiters]) {
      if (waiter.match(record)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(record);
      }
    }

    const fault = this.faults.find((f) => f.left > 0 && f.method === record.method && f.path.test(path));
    if (fault) fault.left--;
    if (fault?.mode === 'before') return reply(fault.status ?? 500, { message: 'stand-in: injected fault', code: fault.code ?? 0 });
    if (fault?.mode === 'slow') await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 1000));
    if (fault?.mode === 'after') {
      // Do the work, then answer as if it had failed.
      this.route(record, url, () => undefined);
      return reply(fault.status ?? 500, { message: 'stand-in: injected fault after storing', code: fault.code ?? 0 });
    }
    this.route(record, url, reply);
  }

  private route(record: RecordedRequest, url: URL, reply: (status: number, body?: unknown) => void): void {
    const path = record.path;
    let match: RegExpMatchArray | null;
    if (record.method === 'GET' && path === '/gateway/bot') {
      reply(200, { url: `ws://127.0.0.1:${this.port}`, shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 } });
    } else if (record.method === 'GET' && path === '/users/@me') {
      reply(200, BOT_USER);
    } else if (record.method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) {
      reply(204);
    } else if ((match = path.match(/^\/webhooks\/\d+\/[^/]+(\/messages\/@original)?$/))) {
      reply(200, this.messageObject('0', snowflake(), record.body));
    } else if (record.method === 'POST' && path === '/users/@me/channels') {
      // Opening a DM channel is idempotent on Discord: one channel per recipient.
      const recipient = String(record.body?.recipient_id ?? '');
      const id = [...this.dmChannels].find(([, user]) => user === recipient)?.[0] ?? snowflake();
      this.dmChannels.set(id, recipient);
      reply(200, {
        id,
        type: 1,
        last_message_id: null,
        recipients: [{ id: recipient, username: 'student', discriminator: '0', global_name: null, avatar: null }],
      });
    } else if ((match = path.match(/^\/channels\/(\d+)\/messages$/))) {
      const channelId = match[1]!;
      const dmRecipient = this.dmChannels.get(channelId);
      const channel: StandInChannel | undefined = dmRecipient === undefined ? this.channel(channelId) : { id: channelId, name: 'dm' };
      if (!channel) return reply(404, { message: 'Unknown Channel', code: 10003 });
      const stored = this.messages.get(channelId) ?? [];
      if (record.method === 'GET') {
        if (channel.denyBot && channel.denyBot & PERMISSIONS.ReadMessageHistory) return reply(403, { message: 'Missing Access', code: 50001 });
        const limit = Number(url.searchParams.get('limit') ?? 50);
        const after = url.searchParams.get('after');
        // As Discord: with `after`, the oldest messages after that id (newest first); otherwise the newest.
        const page =
          after === null
            ? [...stored].reverse().slice(0, limit)
            : stored
                .filter((m) => BigInt(m.id) > BigInt(after))
                .slice(0, limit)
                .reverse();
        return reply(200, page);
      }
      if (channel.denyBot && channel.denyBot & PERMISSIONS.SendMessages) return reply(403, { message: 'Missing Permissions', code: 50013 });
      if (dmRecipient !== undefined && this.closedDms.has(dmRecipient)) return reply(403, { message: 'Cannot send messages to this user', code: 50007 });
      // enforce_nonce: a second send with the same nonce returns the first message instead of posting again.
      const twin = record.body?.enforce_nonce && record.body.nonce !== undefined ? stored.find((m) => m.nonce === record.body.nonce) : undefined;
      if (twin) return reply(200, twin);
      const message = { ...this.messageObject(channelId, snowflake(), record.body), nonce: record.body?.nonce };
      this.messages.set(channelId, [...(this.messages.get(channelId) ?? []), message]);
      if (dmRecipient === undefined || !this.holdDmReplies) reply(200, message);
    } else if ((match = path.match(/^\/channels\/(\d+)\/messages\/(\d+)$/)) && record.method === 'PATCH') {
      const list = this.messages.get(match[1]!) ?? [];
      const index = list.findIndex((m) => m.id === match![2]);
      if (index < 0) return reply(404, { message: 'Unknown Message', code: 10008 });
      list[index] = { ...list[index], ...this.messageObject(match[1]!, match[2]!, record.body), edited_timestamp: new Date().toISOString() };
      reply(200, list[index]);
    } else if ((match = path.match(/^\/applications\/\d+(\/guilds\/\d+)?\/commands$/)) && record.method === 'PUT') {
      reply(
        200,
        (record.body as any[]).map((command) => ({ ...command, id: snowflake(), application_id: APPLICATION_ID, version: snowflake() })),
      );
    } else {
      reply(404, { message: `stand-in: no route for ${record.method} ${path}`, code: 0 });
    }
  }

  /** Messages the bot posted in a channel, newest last. */
  posted(channelId: string): any[] {
    return this.messages.get(channelId) ?? [];
  }
}

/** API option objects for building interactions. */
export const option = {
  string: (name: string, value: string, focused = false) => ({ type: 3, name, value, ...(focused ? { focused: true } : {}) }),
  integer: (name: string, value: number) => ({ type: 4, name, value }),
  boolean: (name: string, value: boolean) => ({ type: 5, name, value }),
  channel: (name: string, value: string) => ({ type: 7, name, value }),
  role: (name: string, value: string) => ({ type: 8, name, value }),
  user: (name: string, value: string) => ({ type: 6, name, value }),
  subcommand: (name: string, options: any[] = []) => ({ type: 1, name, options }),
  group: (name: string, options: any[]) => ({ type: 2, name, options }),
};
