import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startBotAgainst } from '../helpers/bot.ts';
import { DiscordStandIn } from '../helpers/discord-stand-in.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const GUILD = '240000000000000000';
const CHANNEL = '240000000000000010';

const tempDir = useTempDirs();
const standIn = new DiscordStandIn();
let bot: Awaited<ReturnType<typeof startBotAgainst>>;

beforeAll(async () => {
  standIn.addGuild({ id: GUILD, name: 'Posts', channels: [{ id: CHANNEL, name: 'study' }] });
  await standIn.start();
  bot = await startBotAgainst(standIn, tempDir());
});
afterAll(async () => {
  await bot?.stop();
  await standIn.stop();
});

// Posts outside interactions (term of the day, quiz rounds) take the same conversion as replies.
describe('posting through the REST API', () => {
  test('a post carries its files as a multipart upload, with their alt text, and pings nobody', async () => {
    const data = Buffer.from('not really a png');
    const { messageId } = await bot.context.messenger.send(CHANNEL, {
      content: 'Hello <@330000000000000001> and @everyone',
      files: [{ name: 'chart.png', data, description: 'a bar chart' }],
    });
    const post = await standIn.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${CHANNEL}/messages`);
    expect(messageId).toMatch(/^\d+$/);
    expect(post.body.allowed_mentions).toEqual({ parse: [] });
    expect(post.body.attachments).toEqual([{ id: '0', filename: 'chart.png', description: 'a bar chart' }]);
    expect(post.files.map((file) => [file.field, file.name, file.data.equals(data)])).toEqual([['files[0]', 'chart.png', true]]);
  });

  test('an edit without files is plain JSON and leaves the attachments alone', async () => {
    const { messageId } = await bot.context.messenger.send(CHANNEL, { content: 'first' });
    await bot.context.messenger.edit(CHANNEL, messageId, { content: 'second' });
    const patch = await standIn.waitForRequest((r) => r.method === 'PATCH' && r.path === `/channels/${CHANNEL}/messages/${messageId}`);
    expect(patch.body.content).toBe('second');
    expect(patch.files).toEqual([]);
    expect('attachments' in patch.body).toBe(false);
  });
});
