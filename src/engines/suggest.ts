import { contentTokens } from '../text.ts';

export interface PairedQuestion {
  /** What the student asked, which the bot refused or was unsure about. */
  readonly question: string;
  /** The entry the student then picked from "did you mean". */
  readonly docId: string;
}

export interface ProposalInput {
  readonly picks: readonly PairedQuestion[];
  /** Every unanswered question logged, picked or not: near-duplicates of a picked one add to its count. */
  readonly unanswered: readonly string[];
  readonly entries: ReadonlyArray<{ readonly id: string; readonly question: string; readonly alternatives: readonly string[]; readonly file: string }>;
  /** The blind evaluation questions: never proposed, so that no fixture leaks into knowledge/. */
  readonly fixtures: readonly string[];
}

export interface Proposal {
  readonly entryId: string;
  readonly file: string;
  readonly phrasings: ReadonlyArray<{ readonly text: string; readonly picked: number; readonly asked: number }>;
}

/**
 * Two questions are near-duplicates when they have the same content words, stemmed, in any order:
 * "whats mezo work?" and "What's mezo work" and "work mezo, what's that".
 */
export function phrasingKey(text: string): string {
  return [...new Set(contentTokens(text))].sort().join(' ');
}

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Proposed alternative phrasings per Q&A entry, from students' "did you mean" picks: the picked
 * questions grouped by near-duplicate, most picked first. Skipped: phrasings the entry already has,
 * fixtures, glossary terms (they have aliases, not alternatives) and entries that no longer exist.
 */
export function proposePhrasings(input: ProposalInput): Proposal[] {
  const asked = new Map<string, number>();
  for (const question of input.unanswered) {
    const key = phrasingKey(question);
    asked.set(key, (asked.get(key) ?? 0) + 1);
  }
  const fixtureKeys = new Set(input.fixtures.map(phrasingKey));
  const entries = new Map(input.entries.map((entry) => [entry.id, entry]));
  const known = new Map(input.entries.map((entry) => [entry.id, new Set([entry.question, ...entry.alternatives].map(phrasingKey))]));

  const byEntry = new Map<string, Map<string, { texts: Map<string, number>; picked: number }>>();
  for (const pick of input.picks) {
    const key = phrasingKey(pick.question);
    if (key === '' || !entries.has(pick.docId) || fixtureKeys.has(key) || known.get(pick.docId)?.has(key)) continue;
    const groups = byEntry.get(pick.docId) ?? new Map();
    const group = groups.get(key) ?? { texts: new Map<string, number>(), picked: 0 };
    group.picked += 1;
    const text = tidy(pick.question);
    group.texts.set(text, (group.texts.get(text) ?? 0) + 1);
    groups.set(key, group);
    byEntry.set(pick.docId, groups);
  }

  const proposals: Proposal[] = [];
  for (const [entryId, groups] of byEntry) {
    const phrasings = [...groups].map(([key, group]) => ({
      // The wording students used most often stands for the group; ties go to the first seen.
      text: [...group.texts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '',
      picked: group.picked,
      asked: Math.max(asked.get(key) ?? 0, group.picked),
    }));
    phrasings.sort((a, b) => b.picked - a.picked || b.asked - a.asked || (a.text < b.text ? -1 : 1));
    proposals.push({ entryId, file: entries.get(entryId)?.file ?? '', phrasings });
  }
  const total = (p: Proposal) => p.phrasings.reduce((sum, x) => sum + x.picked, 0);
  return proposals.sort((a, b) => total(b) - total(a) || (a.entryId < b.entryId ? -1 : 1));
}

/** YAML a curator can paste under an entry: `- id:` with its `alternatives:`, counts as comments. */
export function proposalsYaml(proposals: readonly Proposal[], pickCount: number): string {
  const lines = [
    `# Proposed alternative phrasings from ${pickCount} "did you mean" picks (npm run kb:suggest).`,
    '# Nothing here is applied. Check each phrasing, then add the good ones to the entry’s',
    '# `alternatives:` in the file named above it, and run `npm run kb:check`.',
  ];
  if (proposals.length === 0) lines.push('# No new phrasings to propose.', '[]');
  for (const proposal of proposals) {
    lines.push('', `# ${proposal.file}`, `- id: ${proposal.entryId}`, '  alternatives:');
    // A JSON string is a valid double-quoted YAML scalar: any student text pastes safely.
    for (const phrasing of proposal.phrasings) lines.push(`    - ${JSON.stringify(phrasing.text)}  # picked ${phrasing.picked}×, asked ${phrasing.asked}×`);
  }
  return lines.join('\n');
}
