import { describe, expect, test } from 'vitest';
import { AnswerEngine } from '../../src/engines/answer-engine.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { REAL_KNOWLEDGE_DIR } from '../helpers/knowledge.ts';

// Classes of question checked on the knowledge base the bot ships: a content edit may move these, and should.
describe('on the real knowledge base', () => {
  const real = new AnswerEngine(loadKnowledge(REAL_KNOWLEDGE_DIR));

  test.each([
    ['msw or bsw', 'msw-vs-bsw'],
    ['whats a good example of mezzo practice', 'mezzo-examples'],
    ['is a policy analyst a macro job', 'macro-jobs'],
    ['what makes mezzo stand out compared with micro and macro', 'mezzo-differs-from-both'],
    ['how is macro different from what i do, which is counseling one client at a time', 'micro-vs-macro'],
  ])('%j gets %s', (question, id) => {
    expect(real.ask(question).answer?.doc.id).toBe(id);
  });

  test.each(['can you help me revise for my exam', 'help me study for the quiz'])(
    '%j asks the bot for help with nothing in particular: chit-chat',
    (question) => {
      expect(real.ask(question).answer).toBeNull();
      expect(real.ask(question).outcome).toBe('chit-chat');
    },
  );

  test('a story naming a technique the bot does not cover is refused, though its last question matches a word weakly', () => {
    const story =
      'our placement team runs a dbt skills group for teenagers and i have been asked to run one session on my own next month. how do i teach the distress tolerance module to them';
    expect(real.ask(story).answer).toBeNull();
  });

  test('a definition of a concept the best entry never mentions is refused, with suggestions', () => {
    const result = real.ask('what is a strengths based approach');
    expect(result.answer).toBeNull();
    expect(result.uncovered).toBe('concept');
    expect(result.suggestions.length).toBeGreaterThan(0);
  });

  test.each([
    ['meso social work?', 'mezzo-definition'],
    ['meso practice', 'mezzo-definition'],
    ['micro social work', 'micro-definition'],
  ])('a level named with nothing else, %j, is defined, never read as a scenario (%s)', (question, id) => {
    const result = real.ask(question);
    expect(result.answer?.doc.id).toBe(id);
    expect(result.answer?.scenario).toBeNull();
  });

  test.each([
    ['how do the jobs differ between micro, mezzo and macro', 'jobs-by-level'],
    ['how are settings different across micro mezzo and macro', 'settings-by-level'],
    ['compare the skills of micro and macro social workers', 'skills-by-level'],
  ])('a comparison of one aspect across the levels, %j, gets the entry on that aspect: %s', (question, id) => {
    expect(real.ask(question).answer?.doc.id).toBe(id);
  });

  test.each(['how do I fix my car', 'can you fix my laptop'])('%j is refused: one everyday word in an alternative is no match', (question) => {
    expect(real.ask(question).answer).toBeNull();
  });

  test.each(['thanks, that really helped', 'oh wow that was a great help'])('%j is chit-chat, not a question about help', (text) => {
    expect(real.ask(text).outcome).toBe('chit-chat');
  });

  test.each(['do i need to go to uni to be a social worker', 'is going to college needed to become a social worker'])(
    '%j asks about a degree, not about jobs',
    (question) => {
      expect(real.ask(question).answer?.doc.intent).toBe('degree');
    },
  );

  test.each(['what would i study on a macro-track masters course', 'what do students study in a macro track msw'])(
    '%j: the intent bonus follows either of the two most informative words ("track" alone is not the topic)',
    (question) => {
      expect(real.ask(question).answer?.doc.id).toBe('macro-msw');
    },
  );

  test.each([
    ['what is oppression according to the textbook', 'term:oppression'],
    ['what is case management in everyday practice', 'term:case-management'],
  ])('%j: a definition that says where the term is used gets the card', (question, id) => {
    expect(real.ask(question).answer?.doc.id).toBe(id);
  });

  test.each([
    // A typo of a stopword ("teh") and chat filler ("nah", "kinds") are no topic words to miss.
    ['wat is teh mezzo level', 'mezzo-definition'],
    ['micro is one on one work or nah', 'micro-definition'],
    ['what kinds of jobs do macro social workers have', 'macro-jobs'],
    // "exist" asks whether there are any, and a position is a job.
    ['what positions exist in macro', 'macro-jobs'],
    // "required to become" asks for the degree or licence, not for the job.
    ['what is required to become an lcsw', 'lcsw-definition'],
  ])('%j gets %s', (question, id) => {
    expect(real.ask(question).answer?.doc.id).toBe(id);
  });

  test('a long question whose story drowns the match is answered by its last question, matched far better alone', () => {
    const question =
      'my cousin is a psych major and says social work is basically just therapy, and i got annoyed but i couldnt explain it well. what makes macro practice different from just doing counseling';
    expect(real.ask(question).answer?.doc.id).toBe('micro-vs-macro');
  });

  test('where the sources disagree, the entry on the disagreement is the one to read next', () => {
    const answer = real.ask('would working with a family be micro or mezzo').answer;
    expect(answer?.doc.id).toBe('family-smallest-mezzo-unit');
    expect(answer?.scenario?.text).toMatch(/The sources disagree here/);
    // Even when an entry classifying something else (group counselling) ranks first.
    expect(real.ask('family counseling sessions: micro work or mezzo work?').answer?.doc.id).toBe('family-smallest-mezzo-unit');
  });

  test('a long story in everyday words the knowledge base never uses is still answered about its topic', () => {
    const question =
      'in tutorial somebody argued that working with a family is mezzo since a family is a group, but the handout reckons families are micro and now everybody disagrees. which one is it';
    expect(['family-smallest-mezzo-unit', 'micro-to-mezzo-shift']).toContain(real.ask(question).answer?.doc.id);
  });

  test('a lawmaking body outside the US (a parliament) reads macro', () => {
    expect(real.ask('social worker speaking to a parliamentary inquiry about benefits for children, what level').answer?.scenario?.level).toBe('macro');
  });

  test('a long story naming several terms is answered from its own question, not with the card of a term it names', () => {
    const question =
      'in my sociology module we covered micro and macro as well, and now social work has micro mezzo macro and i keep confusing them in tests. is micro-level sociology the same thing as micro social work?';
    expect(real.ask(question).answer?.doc.id).toBe('sociology-micro-macro');
  });

  test('when something was founded is refused however long the name of the thing', () => {
    const result = real.ask('when was the very first school of social work in the country founded');
    expect(result.answer).toBeNull();
    expect(result.uncovered).toBe('year');
  });

  test('memorising is how a definition is studied, not what it asks', () => {
    expect(real.ask('mezzo social work, a definition i can memorise please').answer?.doc.id).toBe('mezzo-definition');
  });

  test('which level suits someone is choosing a level, not a scenario to classify', () => {
    expect(real.ask('which level suits someone who would rather change laws than counsel people').answer?.scenario ?? null).toBeNull();
  });

  test('"X-type" says what kind, it is no key word: the degree for a therapist-type job', () => {
    expect(['bsw-clinical', 'micro-degree']).toContain(real.ask('which degree do i need for a therapist-type social work job').answer?.doc.id);
  });

  test.each([
    ['what do people mean by harm reduction', 'term:harm-reduction'],
    ['i keep hearing about advocacy, what is it', 'term:advocacy'],
    ['what is micro social work all about', 'micro-definition'],
    ['wtf is mezzo', 'mezzo-definition'],
    ['help me understand mezzo', 'mezzo-definition'],
    ['can you help me understand case management', 'term:case-management'],
    ['case management in a nutshell', 'term:case-management'],
  ])('a definition asked in other words: %j gets %s', (question, id) => {
    expect(real.ask(question).answer?.doc.id).toBe(id);
  });

  test('"meso" alone is the level, not a question about its two names', () => {
    expect(real.ask('why should we care about meso').answer?.doc.id).toBe('why-mezzo-matters');
    expect(real.ask('why do some people say meso').answer?.doc.id).toBe('meso-same-as-mezzo');
  });

  test.each([
    ['how can i tell micro and macro apart', 'micro-vs-macro'],
    ['how can i tell mezzo and macro apart', 'mezzo-vs-macro'],
    ['differences of micro and macro level', 'micro-vs-macro'],
  ])('a comparison of two levels gets the entry on those two, not one setting all three side by side: %j', (question, id) => {
    expect(real.ask(question).answer?.doc.id).toBe(id);
  });

  test('"which level is X" for a glossary term follows the level its card files it under, like a yes/no check', () => {
    const answer = real.ask('what level does program development fall under').answer;
    expect(answer?.doc.id).toBe('term:program-development');
    expect(answer?.scenario?.level).toBe('macro');
    expect(answer?.scenario?.text).toMatch(/^Program development is macro social work practice\./);
    expect(real.ask('lobbying - micro, mezzo or macro?').answer?.scenario?.text).toMatch(/^Macro: lobbying is macro/);
  });

  test.each([
    ['average pay for mezzo jobs', 'salary'],
    ['how many macro social workers are there', 'statistics'],
    ['when did mezzo social work start', 'year'],
  ])('%j hinges on a detail no entry gives (an amount, a figure, a date): refused as %s', (question, kind) => {
    const result = real.ask(question);
    expect(result.answer).toBeNull();
    expect(result.uncovered).toBe(kind);
    expect(result.suggestions.length).toBeGreaterThan(0);
  });

  test('how a concept no entry covers is used is refused like its definition, with suggestions', () => {
    for (const question of ['how do social workers use attachment theory', 'how is trauma informed care applied in practice']) {
      const result = real.ask(question);
      expect(result.answer).toBeNull();
      expect(result.uncovered).toBe('concept');
    }
    expect(real.ask('how do social workers use case management').answer).not.toBeNull();
  });

  test('a level question answers with one of the levels it offers; a text about the levels themselves is no scenario', () => {
    expect(real.ask('working with a group, micro or mezzo practice').answer?.scenario?.level).toBe('mezzo');
    const levels = real.ask('micro mezzo macro levels connected').answer;
    expect(levels?.scenario ?? null).toBeNull();
    expect(levels?.doc.id).toBe('levels-interconnected');
  });

  test('a real word typed for a word of ours is read as ours only beside a word it goes with in some phrasing', () => {
    expect(real.ask('how are the tree levels connected').answer?.doc.id).toBe('levels-interconnected');
    expect(real.ask('why does mezzo practice mater').answer?.doc.id).toBe('why-mezzo-matters');
    expect(real.ask('how do i plant a tree').answer).toBeNull();
  });

  test('"even" is filler: "what even is mezzo" asks for the definition', () => {
    expect(real.ask('what even is mezzo lol').answer?.doc.id).toBe('mezzo-definition');
  });

  test('how a program is taught (part time, distance learning) is refused where no entry says', () => {
    const result = real.ask('is there a part time bsw');
    expect(result.answer).toBeNull();
    expect(result.uncovered).toBe('university');
  });

  test('a numbered clause of the code of ethics is refused: no entry quotes one', () => {
    const result = real.ask('what does standard 2.01 of the code of ethics say');
    expect(result.answer).toBeNull();
    expect(result.uncovered).toBe('ethics');
  });

  test.each([
    ['what counts as interagency collaboration', 'term:interagency-collaboration'],
    ['what does the phrase ripple effect refer to', 'term:ripple-effect'],
    ['define lobbying in the context of macro practice', 'term:lobbying'],
  ])('%j is asking for a definition: %s', (question, id) => {
    expect(real.ask(question).answer?.doc.id).toBe(id);
  });

  test('a long story that asks the bot for something is a question, not a description of practice to classify', () => {
    const result = real.ask(
      'for my paper i was going over the history of the profession and how women pushed for new laws and policy, could you remind me what that was about',
    );
    expect(result.answer?.scenario).toBeNull();
    expect(result.answer?.doc.id).toBe('women-policy-trend');
  });

  test('a story that describes practice, then asks how to tell the levels apart, is answered about that, not classified', () => {
    const result = real.ask(
      'I just began a placement at a community clinic and my practice teacher said part of what we do is micro and part is mezzo, but it is one clinic, so how would I ever know which level I am working at',
    );
    expect(result.answer).not.toBeNull();
    expect(result.answer?.scenario).toBeNull();
  });

  test('a long question with a story first is answered about what it asks', () => {
    const result = real.ask(
      'my notes from the first week keep going on about the three levels and how each one depends on the others, how does that work in practice',
    );
    expect(result.answer?.doc.id).toBe('levels-interconnected');
  });

  test('a long question is answered from the story when its last clause agrees with it: the tail alone scores higher on another entry', () => {
    const result = real.ask(
      'my sister is doing a sociology degree and keeps saying micro and macro in her essays, I did a bit of sociology back in school but forgot all of it, how do sociologists use micro and macro',
    );
    expect(result.answer?.doc.id).toBe('sociology-micro-macro');
  });

  test.each(['why is group work micro or mezzo', 'how does work with a mother become mezzo when the father joins'])(
    '%j asks for an explanation: it gets an entry, not a level verdict',
    (question) => {
      const result = real.ask(question);
      expect(result.outcome).toBe('answered');
      expect(result.answer?.scenario).toBeNull();
    },
  );

  test.each([
    ['what does micro social work focus on', 'micro-definition'],
    ['what is the main focus of macro practice', 'macro-definition'],
    ['mezzo level focuses on what', 'mezzo-definition'],
  ])('what a level focuses on is its definition: %j', (question, id) => {
    expect(real.ask(question).answer?.doc.id).toBe(id);
  });

  test.each(['what tools do macro workers use', 'what strategies are used in macro practice'])('%j asks for methods, not jobs', (question) => {
    expect(real.ask(question).answer?.doc.id).toBe('methods-by-level');
  });

  test.each([
    ['what level is a program evaluator', 'macro', 'term:program-evaluation'],
    ['which level is a crime victim advocate', 'micro', 'term:crime-victim-advocate'],
  ])("a job title follows the sources' job lists: %j is %s; the title's glossary card, if any, is read next (%s)", (question, level, next) => {
    const result = real.ask(question);
    expect(result.answer?.scenario?.level).toBe(level);
    expect(result.answer?.doc.id).toBe(next);
  });

  test('how long a degree takes is refused even by an entry that counts years after it', () => {
    const result = real.ask('how many years is an msw');
    expect(result.answer).toBeNull();
    expect(result.uncovered).toBe('duration');
    expect(real.ask('how many years of experience after the msw').answer?.doc.id).toBe('post-masters-experience');
  });

  test.each([
    ['is nonprofit admin macro', 'term:nonprofit-administration'],
    ['is nonprofit adminstrashun macro', 'nonprofit-work-which-level'],
  ])('a yes/no level check of a thing the knowledge base names is answered: %j', (question, id) => {
    const result = real.ask(question);
    expect(result.outcome).toBe('answered');
    expect(result.answer?.doc.id).toBe(id);
  });

  test('a yes/no level check of something the knowledge base does not know is refused, not classified', () => {
    const result = real.ask('is bread micro');
    expect(result.answer).toBeNull();
    expect(result.outcome).toBe('out-of-scope');
  });

  test('a level described rather than named gets its definition', () => {
    expect(real.ask('what does a social worker do at the organisational level').answer?.doc.id).toBe('mezzo-definition');
  });

  test('a yes/no level check gets the entry that asks that check, else a yes or no from the glossary card of the term', () => {
    expect(real.ask('is harm reduction macro').answer?.doc.id).toBe('needle-exchange-mezzo');
    expect(real.ask('is harm reductoin macro or mezzo?').answer?.doc.id).toBe('needle-exchange-mezzo');
    const checked = real.ask('is policy analysis mezzo');
    expect(checked.answer?.doc.id).toBe('term:policy-analysis');
    expect(checked.answer?.scenario?.text).toMatch(/^No: policy analysis is macro social work practice, not mezzo\./);
  });

  test('a long question is not cut at "so" inside its own clause ("so important")', () => {
    const question = 'i missed the lecture last week and my notes are a total mess, what are the reasons micro practice is seen as so important';
    expect(real.ask(question).answer?.doc.id).toBe('why-micro-matters');
  });
});
