import { seededRandom, shuffle, type Random } from '../engines/random.ts';
import type { Knowledge, QaEntry } from '../knowledge/schema.ts';

export const SYNTHETIC_SEED = 20_240_611;

// Settings and groups a bigger course would cover: new, on-topic vocabulary shared by many entries.
const SETTINGS = [
  'rural schools',
  'prisons',
  'hospice care',
  'refugee resettlement',
  'child welfare agencies',
  'veterans hospitals',
  'tribal communities',
  'homeless shelters',
  'juvenile courts',
  'addiction clinics',
  'public housing',
  'migrant camps',
  'nursing homes',
  'university counseling centers',
  'foster care',
  'disaster relief',
  'domestic violence shelters',
  'mental health crisis teams',
  'employee assistance programs',
  'immigration detention',
  'palliative wards',
  'youth clubs',
  'food banks',
  'reentry programs',
  'neonatal units',
  'community colleges',
  'labor unions',
  'housing cooperatives',
  'legal aid offices',
  'faith communities',
  'sports academies',
  'suicide prevention lines',
  'pediatric oncology',
  'eviction courts',
  'adoption agencies',
  'group homes',
  'street outreach',
  'dementia care',
  'state legislatures',
  'city councils',
] as const;
const GROUPS = [
  'older adults',
  'teenagers',
  'new parents',
  'veterans',
  'migrants',
  'people with disabilities',
  'foster youth',
  'caregivers',
  'survivors of trauma',
  'farm workers',
  'students',
  'single mothers',
  'grandparents raising grandchildren',
  'people in recovery',
  'asylum seekers',
  'unemployed workers',
  'indigenous families',
  'lgbtq youth',
  'incarcerated fathers',
  'chronically ill patients',
  'deaf clients',
  'young carers',
  'tenants',
  'first responders',
  'bereaved families',
] as const;
const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ren',
  'tas',
  'vor',
  'el',
  'an',
  'dri',
  'sul',
  'pe',
  'zu',
  'ton',
  'bar',
  'gil',
  'ros',
  'ne',
  'qua',
  'fi',
  'om',
  'dev',
  'hal',
  'ust',
  'yen',
];
const PLACES = ['county', 'district', 'valley', 'township', 'borough', 'region'] as const;

/**
 * How many pseudo place names a base of `size` entries uses: the vocabulary grows with the
 * base, as a real course's does, so rare words stay rare at 100,000 entries too.
 */
function placeNameCount(size: number): number {
  return Math.max(300, Math.ceil(size * 0.3));
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function placeNames(random: Random, count: number): string[] {
  const names = new Set<string>();
  while (names.size < count) {
    const length = 2 + Math.floor(random() * 3);
    const word = Array.from({ length }, () => pick(random, SYLLABLES)).join('');
    names.add(word.charAt(0).toUpperCase() + word.slice(1));
  }
  return [...names];
}

function sentences(text: string): string[] {
  return text
    .trim()
    .split(/(?<=[.!?])\s+/)
    .filter(Boolean);
}

function withoutMark(question: string): string {
  return question.trim().replace(/[?.!]+$/, '');
}

/** Front of one phrasing joined to the back of another: a new phrasing in the same words. */
function recombine(random: Random, front: string, back: string): string {
  const a = withoutMark(front).split(/\s+/);
  const b = withoutMark(back).split(/\s+/);
  const cut = (words: string[]) => Math.max(1, Math.floor(words.length / 2 + (random() - 0.5) * 2));
  return [...a.slice(0, cut(a)), ...b.slice(cut(b))].join(' ');
}

/**
 * A knowledge base of `size` Q&A entries derived from the real one: each takes a real entry's
 * phrasings and answer, reworded with a setting or a group and always a place name
 * (Zipf-distributed, so some are common and most are rare: the words that tell entries apart),
 * recombined with another entry's phrasings, and numbered.
 */
export function syntheticKnowledge(real: Knowledge, size: number, seed = SYNTHETIC_SEED): Knowledge {
  if (real.entries.length === 0) throw new Error('the real knowledge base has no entries to derive from');
  const random = seededRandom(seed);
  const places = placeNames(random, placeNameCount(size));
  // Zipf-like: squaring a uniform draw favours the first names.
  const place = () => `${places[Math.floor(random() ** 2 * places.length)]} ${pick(random, PLACES)}`;

  const entries: QaEntry[] = [];
  for (let i = 0; i < size; i++) {
    const base = real.entries[i % real.entries.length] as QaEntry;
    const donor = pick(random, real.entries);
    const setting = pick(random, SETTINGS);
    const group = pick(random, GROUPS);
    const where = place();
    const qualifiers = [`in ${setting}`, `for ${group}`, `for ${group} in ${setting}`, `in ${where}`, `in ${setting} in ${where}`];
    const question = `${withoutMark(base.question)} ${pick(random, qualifiers.slice(0, 3))} in ${where}?`;
    const alternatives = [
      ...shuffle(base.alternatives, random)
        .slice(0, 2 + Math.floor(random() * 3))
        .map((alternative) => (random() < 0.5 ? `${alternative} ${pick(random, qualifiers)}` : alternative)),
      `${recombine(random, pick(random, base.alternatives), pick(random, donor.alternatives))} ${pick(random, qualifiers)}`,
    ];
    const ownSentences = sentences(base.answer);
    const answer = [
      ...ownSentences.slice(0, Math.max(2, Math.ceil(ownSentences.length * (0.5 + random() / 2)))),
      pick(random, sentences(donor.answer)),
      `In ${setting} in ${where}, this work is often done with ${group}.`,
    ].join(' ');
    entries.push({
      id: `${base.id}-${i + 1}`,
      question,
      intent: base.intent,
      alternatives,
      answer,
      levels: base.levels,
      related: [],
      sources: base.sources,
      file: 'synthetic',
    });
  }
  return { sources: real.sources, entries, terms: [], quiz: [], cues: real.cues };
}

/**
 * Questions a student of a base that big would ask: a phrasing of one of its entries, in
 * lower case, naming that entry's place (its last two words), so the distinguishing words matter.
 */
export function syntheticQuestions(synthetic: Knowledge, count: number, seed = SYNTHETIC_SEED): string[] {
  const random = seededRandom(seed + 1);
  return Array.from({ length: count }, () => {
    const entry = pick(random, synthetic.entries);
    const where = withoutMark(entry.question).split(/\s+/).slice(-2).join(' ');
    const phrasing = withoutMark(pick(random, [entry.question, ...entry.alternatives]));
    return `${phrasing.includes(where) ? phrasing : `${phrasing} in ${where}`}`.toLowerCase();
  });
}
