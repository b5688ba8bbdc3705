import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { openStorage } from '../../src/storage/index.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { exited, spawnEntry } from '../helpers/processes.ts';

const tempDir = useTempDirs();
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

/** `npm start` with no token (even if a developer's .env has one: set-but-empty wins over .env), fed a script on stdin. */
async function runScript(lines: readonly string[], databasePath = path.join(tempDir(), 'console.sqlite')) {
  const child = spawnEntry('src/index.ts', [], {
    DISCORD_TOKEN: '',
    DISCORD_APPLICATION_ID: '',
    DATABASE_PATH: databasePath,
    // Scripts ask faster than a student would.
    ASK_COOLDOWN_SECONDS: '0',
  });
  child.stdin.end(lines.map((line) => `${line}\n`).join(''));
  const code = await exited(child);
  return { code, output: child.output(), databasePath };
}

function hintLines(output: string): string[] {
  return output.split('\n').filter((line) => line.startsWith('hint: '));
}

describe('npm start without DISCORD_TOKEN: the offline console', () => {
  test('the issue’s one-liner prints the answer and exits 0', async () => {
    const { code, output } = await runScript(['/ask what is macro practice', '/quit']);
    expect(code).toBe(0);
    expect(output).toMatch(/^╭ What is macro social work\?$/m);
    expect(output).toMatch(/^╰ macro-definition · match \d+%$/m);
  });

  test('a scripted session: banner, answer, help, an honest "don’t know", one-line hints, no stack trace', async () => {
    const { code, output, databasePath } = await runScript([
      '/ask what is macro practice',
      '/help',
      '/ask how do I bake bread',
      '/teleport now',
      '',
      '/ask colour:blue',
      '/quit',
    ]);
    expect(code).toBe(0);

    expect(output).toMatch(/offline/);
    expect(output).toContain('set DISCORD_TOKEN and DISCORD_APPLICATION_ID in .env');
    expect(output).toContain('npm run deploy-commands');

    expect(output).toContain('you> /ask what is macro practice\n╭ What is macro social work?\n│ Macro social work is');
    expect(output).toMatch(/^ {2}\[1\] .+ {3}\[2\] .+$/m);
    expect(output).toMatch(/^ {2}\[\d\] 👍 Helpful {3}\[\d\] 👎 Not helpful {3}\[\d\] 🚩 Report a problem$/m);

    expect(output).toContain('you> /help\n(only you see this)\n╭ Levels Tutor');
    expect(output).toContain('│ Study channels: #study-channel\n');
    expect(output).toMatch(/How a quiz question closes: At its deadline, or as soon as everyone taking part has answered/);

    expect(output).toMatch(/you> \/ask how do I bake bread\n\(only you see this\)\nSorry, I don't have an answer for “how do I bake bread”/);

    const hints = hintLines(output);
    expect(hints).toHaveLength(3);
    expect(hints[0]).toMatch(/^hint: Unknown command \/teleport\. Try \/ask, .*\/help.* or \/quit\.$/);
    expect(hints[1]).toMatch(/^hint: Type a command, like \/ask what is macro practice/);
    expect(hints[2]).toBe('hint: Unknown option colour: for /ask. Its options: question: private:');

    expect(output).not.toMatch(STACK_FRAME);
    expect(output).not.toMatch(/\bError:/);

    // The same database as the bot: the unanswered question is logged for curators.
    const storage = await openStorage(databasePath);
    const logged = await storage.sql.all<{ question: string }>('SELECT question FROM unanswered_questions');
    await storage.close();
    expect(logged.map((row) => row.question)).toEqual(['how do I bake bread']);
  });

  test('buttons are pressed by number or label: a related question, then the 👍 vote', async () => {
    const { code, output, databasePath } = await runScript(['/ask what is macro practice', '1', 'helpful', '/quit']);
    expect(code).toBe(0);
    const related = /^ {2}\[1\] (.+?) {3}\[2\]/m.exec(output)?.[1];
    expect(related).toBeDefined();
    expect(output).toContain(`you> 1\n(only you see this)\n╭ ${related!.replace(/…$/, '')}`);
    expect(output).toContain('you> helpful\n(only you see this)\nThanks! Glad it helped. 👍');
    expect(output).not.toMatch(STACK_FRAME);

    const storage = await openStorage(databasePath);
    const votes = await storage.sql.all('SELECT vote, user_id FROM answer_feedback');
    await storage.close();
    expect(votes).toEqual([{ vote: 1, user_id: expect.any(String) }]);
  });

  test('a plain sentence is asked as a question; a wrong button number gets a one-line hint', async () => {
    const { code, output } = await runScript(['3', 'what is mezzo social work', '9', '/quit']);
    expect(code).toBe(0);
    expect(output).toContain('you> what is mezzo social work\n╭ What is mezzo social work?');
    expect(hintLines(output)).toEqual([
      'hint: There are no buttons to press. Commands start with /; /help lists them; buttons lists what can be pressed.',
      expect.stringMatching(
        /^hint: There is no button 9: type 1-\d or a button's label\. Commands start with \/; \/help lists them; buttons lists what can be pressed\.$/,
      ),
    ]);
  });

  test('a scripted session with a term, a term lookup and a full quiz answered by number', async () => {
    const { code, output, databasePath } = await runScript([
      '/term',
      '/term name:empathy',
      '/quiz start questions:3 seconds:10',
      '1',
      '1',
      '2',
      '/quiz stats',
      '/quit',
    ]);
    expect(code).toBe(0);
    expect(output).toMatch(/you> \/term\n╭ 📘 .+\n/);
    expect(output).toContain('╭ 📘 Empathy');
    expect(output).toMatch(/Quiz time!/);
    for (const round of [1, 2, 3]) expect(output).toContain(`Question ${round} of 3`);
    expect(output).toMatch(/Quiz over: final standings/);
    expect(output).toMatch(/Questions answered: 3|Questions answered\s*\n?.*3/);
    expect(output).not.toMatch(STACK_FRAME);

    const storage = await openStorage(databasePath);
    const answers = await storage.sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM quiz_answers');
    const finished = await storage.sql.all('SELECT status FROM quiz_sessions');
    await storage.close();
    expect(answers?.n).toBe(3);
    expect(finished).toEqual([{ status: 'finished' }]);
  }, 90_000);

  test('/explain runs the message command on typed text; Share and Report show as buttons, and a report is a one-line form', async () => {
    const { code, output, databasePath } = await runScript([
      '/explain text: She lobbies state legislators to change housing policy',
      'Share in channel',
      '/explain text: see you at the game tonight',
      '/ask what is mezzo social work private: true',
      'Report a problem',
      'reason: unclear comment: the example is hard to follow',
      '/quit',
    ]);
    expect(code).toBe(0);
    expect(output).toMatch(/^╭ Explained: macro practice$/m);
    expect(output).toMatch(/^│ Cues:\n(│ {3}.*\n)*│ {3}🔵 .*“policy”/m);
    expect(output).toMatch(/^ {2}\[1\] Read: .+ {3}\[2\] 📣 Share in channel$/m);
    expect(output).toMatch(/you> Share in channel\n╭ Explained: macro practice\n│ Shared by you\n/);
    expect(output).toMatch(/you> \/explain text: see you at the game tonight\n\(only you see this\)\nNothing to explain here/);
    expect(output).toMatch(/\[\d\] 🚩 Report a problem {3}\[\d\] 📣 Share in channel$/m);
    expect(output).toContain('[form] Report a problem\n  reason: What’s the problem? wrong | unclear | outdated | other');
    expect(output).toMatch(/Thanks for the report/);
    expect(output).not.toMatch(STACK_FRAME);

    const storage = await openStorage(databasePath);
    const reports = await storage.itemReports.summary();
    await storage.close();
    expect(reports).toEqual([
      expect.objectContaining({
        kind: 'entry',
        itemId: 'mezzo-definition',
        reasons: [{ reason: 'unclear', times: 1 }],
        lastComment: 'the example is hard to follow',
      }),
    ]);
  });

  test('only a number or an exact label presses a button: any other line is asked, with or without buttons on screen', async () => {
    const { code, output } = await runScript(['mezzo', '/ask what is macro practice', 'hello', '🤔 micro??', 'what is mezzo social work', '/quit']);
    expect(code).toBe(0);
    expect(output).not.toMatch(/not one of the buttons/);
    expect(hintLines(output)).toEqual([]);
    expect(output).toMatch(/you> mezzo\n(\(only you see this\)\n)?╭ .*[Mm]ezzo/);
    expect(output).toMatch(/you> hello\n(\(only you see this\)\n)?\S/);
    expect(output).toMatch(/you> 🤔 micro\?\?\n(\(only you see this\)\n)?╭ .*[Mm]icro/);
    expect(output).toContain('you> what is mezzo social work\n╭ What is mezzo social work?');
  });

  test('practice says when a card is back, and /quiz stats shows the study streak and cards due as text', async () => {
    const { code, output } = await runScript(['/quiz settings timezone: Berlin', '/quiz practice', '1', '/quiz stats', '/quiz remind on time: 18:00', '/quit']);
    expect(code).toBe(0);
    expect(output).toMatch(/Your study days now follow Europe\/Berlin \(it is \d\d:\d\d there\)/);
    expect(output).toMatch(/│ You’ll see this again in (a minute|10 minutes) \(\d\d:\d\d\)\./);
    expect(output).toContain('│ Study streak: 1 day (best 1 day)');
    // The card just answered comes back within ten minutes: today, unless that crosses midnight in Berlin.
    expect(output).toMatch(/│ Practice cards due: (1 today, 0|0 today, 1) tomorrow/);
    expect(output).toContain('╰ Study days in Europe/Berlin; one missed day a week is bridged.');
    expect(output).toMatch(/I’ll DM you at 18:00 \(Europe\/Berlin\).+The offline console sends no DMs/);
    expect(hintLines(output)).toEqual([]);
  });

  test('practice’s Stop is still reachable after an /ask, and buttons lists what can be pressed', async () => {
    const { code, output } = await runScript(['/quiz practice', '/ask what is macro practice', 'buttons', 'stop', 'buttons', '/quit']);
    expect(code).toBe(0);
    expect(output).toMatch(/you> buttons\nButtons you can press:\n {2}by number: \[1\] .+\n {2}by label, on earlier messages: .*\bStop\b/);
    expect(output).toMatch(/you> stop\n\(edited, only you see this\)\nPractice ended\./);
    expect(output).toMatch(/you> buttons\nButtons you can press:\n {2}by number: \[1\] [^\n]+\n\n/);
    expect(hintLines(output)).toEqual([]);
  });

  test('a question with backticks is echoed with them, never with an internal placeholder', async () => {
    const { code, output } = await runScript(['/ask how do I bake `sourdough` bread', '/quit']);
    expect(code).toBe(0);
    expect(output).toContain('“how do I bake `sourdough` bread”');
    expect(output).not.toMatch(/[\uE000\uE001]/);
  });

  test('the offline server has other channels and a role, so every /setup path can be tried', async () => {
    const { code, output } = await runScript([
      '/setup study-channel add channel: #general',
      '/setup study-channel remove channel: #general',
      '/setup term set channel: #voice-lounge time: 09:00 timezone: Europe/London',
      '/setup term set channel: #read-only time: 09:00 timezone: Europe/London',
      '/setup term set channel: #announcements time: 09:00 timezone: Europe/London role: @students',
      '/setup show',
      '/quit',
    ]);
    expect(code).toBe(0);
    expect(hintLines(output)).toEqual([]);
    expect(output).toContain('✅ #general is now a study channel: quizzes can run there.');
    expect(output).toContain('✅ #general is no longer a study channel.');
    expect(output).toContain('#voice-lounge is a voice channel: pick a text channel.');
    expect(output).toContain("I can't send messages in #read-only");
    expect(output).toMatch(
      /✅ The term of the day will be posted in #announcements every day at 09:00 \(Europe\/London, UTC\+[01] now\), mentioning @students\./,
    );
    expect(output).toMatch(/Term of the day: #announcements at 09:00 \(Europe\/London, UTC\+[01] now\), mentioning @students/);
  });

  test('/setup term set: every missing option in one hint; a city or an abbreviation for the zone; escaped echoes; off names the real command', async () => {
    const { code, output } = await runScript([
      '/setup term set',
      '/setup term set channel: #general time: 25:00 timezone: @everyone **what** is mi',
      '/setup term set channel: #general time: 07:00 timezone: New York',
      '/setup term off',
      '/quit',
    ]);
    expect(code).toBe(0);
    expect(hintLines(output)).toEqual([
      expect.stringMatching(/^hint: \/setup term set needs channel: \(Where to post\), time: \(.+\) and timezone: \(.+\)\.$/),
    ]);
    expect(output).toContain('⚠️ “25:00” is not a time I understand.');
    // Escaped, so shown literally: no bold, no working mention.
    expect(output).toContain('“@\u200beveryone **what** is mi” is not a time zone I know.');
    expect(output).toMatch(/✅ The term of the day will be posted in #general every day at 07:00 \(America\/New_York, UTC−[45] now\)\./);
    expect(output).toContain('✅ The term of the day is off. Turn it on again with `/setup term set channel: time: timezone:`.');
  });

  test('end of input without /quit also exits 0', async () => {
    const { code, output } = await runScript(['/ask what is micro practice']);
    expect(code).toBe(0);
    expect(output).toMatch(/^╭ What is micro social work\?$/m);
  });
});
