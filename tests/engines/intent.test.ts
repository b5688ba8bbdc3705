import { describe, expect, test } from 'vitest';
import { readShape } from '../../src/engines/intent.ts';

describe('readShape', () => {
  test.each([
    ['what is macro', 'definition'],
    ['define macro', 'definition'],
    ['mezzo?', 'definition'],
    ['tell me about mezzo', 'definition'],
    ['meaning of person in environment', 'definition'],
    ['what is the difference between micro and macro', 'comparison'],
    ['micro vs mezzo', 'comparison'],
    ['how do micro and macro differ', 'comparison'],
    ['examples of mezzo practice', 'examples'],
    ['jobs for macro social workers', 'jobs'],
    ['where do micro social workers work', 'settings'],
    ['what kind of organisations do macro social workers work for', 'settings'],
    ['geriatric social worker what is that job', 'definition'],
    ['whats driving all the hiring in social work lately', 'jobs'],
    ['case mgmt whats that', 'definition'],
    ['which agencies would a mezzo worker work in', 'settings'],
    ['skills for mezzo work', 'skills'],
    ['what degree do I need', 'degree'],
    ['do macro workers need a licence', 'degree'],
    ['what is required to become a clinical social worker', 'degree'],
    ['what does it take to be a macro practitioner', 'degree'],
    ['why does macro matter', 'importance'],
    ['is case management micro?', 'classification'],
    ['macro = policy stuff?? explain', 'definition'],
    ['what are the main areas of mezzo practice', 'examples'],
    ['explain how the ripple effect works', 'explanation'],
    ['why is mezzo called the group level', 'explanation'],
    ['how does community organizing work', 'explanation'],
    ['explain micro', 'definition'],
    ['why mezzo', 'importance'],
    ['is there a separate license for macro', 'degree'],
    ['what separates micro from mezzo', 'comparison'],
    ["mezzo and macro, where's the line", 'comparison'],
    ['where do you draw the line between micro and mezzo', 'comparison'],
    ['how is macro distinct from the other two levels', 'comparison'],
    ['is there a real distinction between micro and mezzo', 'comparison'],
    ['what makes mezzo work valuable', 'importance'],
    ['why should anyone care about macro', 'importance'],
    ['how does macro work make a real difference', 'importance'],
    ['what difference does micro work make for a community', 'importance'],
  ])('%j asks for %s', (question, intent) => {
    expect(readShape(question).intent).toBe(intent);
  });

  test.each(['can you specialise in macro social work', 'could i move into macro later on', 'should we pick micro first'])(
    '%j asks what a student may do, not whether something is a level',
    (question) => {
      expect(readShape(question).intent).not.toBe('classification');
    },
  );

  test.each([
    'a social worker counsels a teen with depression. which level',
    'social worker running a support group for grieving parents, what level',
    'is this micro or mezzo: a worker trains hospital staff',
    'a social worker lobbies the state for a housing bill',
    'a child protective services worker checks on one child at home',
    'a caseworker at the county jail helps one inmate plan for release',
  ])('%j is a scenario', (question) => {
    expect(readShape(question).scenario).toBe(true);
  });

  test.each([
    'how does work with a mother become mezzo when the father joins',
    'why is group work micro or mezzo',
    'social workers lobbying, why does it count as macro',
    'what makes community work mezzo or macro',
    'who decides whether a program is mezzo or macro',
  ])('%j asks for an explanation, not a level', (question) => {
    const shape = readShape(question);
    expect(shape.explains).toBe(true);
    expect(shape.scenario).toBe(false);
  });

  test.each([
    'which level should i pick',
    'what level of social work should i focus on',
    'which level is best for me',
    'idk if i want micro or macro, help me decide',
  ])('%j is choosing a level for oneself, not a scenario', (question) => {
    expect(readShape(question).scenario).toBe(false);
  });

  test.each([
    'if macro social work helps people indirectly, does that make it less effective',
    'what do macro social workers do',
    'how do school social workers help students',
    'ive been a caseworker for six years and im tired of individual cases',
  ])('%j asks about practice, it does not describe a piece of it', (question) => {
    expect(readShape(question).scenario).toBe(false);
  });

  test.each([
    'counseling one person vs passing a law, which level is which',
    'personal or systemic change: which level goes with which?',
    'which level works face to face and which ones work behind the scenes',
  ])('%j matches things up with the levels: a comparison, not a scenario', (question) => {
    const shape = readShape(question);
    expect(shape.intent).toBe('comparison');
    expect(shape.scenario).toBe(false);
  });

  test('"which level is this" still asks for a level', () => {
    expect(readShape('a worker lobbies the state senate, which level is this').scenario).toBe(true);
  });

  test('"how would you classify…" still asks for a level', () => {
    expect(readShape('how would you classify a worker who runs a support group').scenario).toBe(true);
  });

  test.each([
    'hi',
    'hello there',
    'thanks!',
    'thank you so much',
    'who made you',
    'are you a bot',
    'who made this bot',
    'hi, can you help me',
    'whats up',
    'thanks for the help',
    'how do i use this',
    'how do I ask a question',
    'what commands are there',
    'hey everyone, first time using this',
    'cheers mate, brilliant',
    'lol ur so smart',
    'how old are you',
    'what is your purpose',
    'do you have feelings',
    'hey there, hope youre well',
    'i have a question',
    'thank you so much for explaining that!',
    'that doesnt help at all',
    "that's not what i asked",
    'see you tomorrow',
    'anyone here?',
    'does this bot work',
    'no worries',
    'thanks, that cleared it up',
    'ok got it, makes sense',
    'good morning levels tutor',
    'thanks levels tutor',
    'hey tutor',
  ])('%j is chit-chat', (question) => {
    const shape = readShape(question);
    expect(shape.chitChat).toBe(true);
    expect(shape.scenario).toBe(false);
  });

  test.each([
    'hi what is micro',
    'thanks, and what is mezzo',
    'what is social work',
    'can you help me understand mezzo',
    'how do i use case management',
    'what is the purpose of mezzo',
    'do you need a license',
    'hi levels tutor, what is micro',
  ])('%j is not chit-chat', (question) => {
    expect(readShape(question).chitChat).toBe(false);
  });

  test('reads a description before "level" as the level it names', () => {
    expect(readShape('what happens at the organisational level').levels).toEqual(['mezzo']);
  });

  test.each([
    ['how do the skills differ between micro and macro', 'skills'],
    ['compare jobs at the three levels', 'jobs'],
    ['how are settings different across the levels', 'settings'],
    ['what is the difference between micro and mezzo', null],
  ])('a comparison says what it compares: %j → %s', (question, aspect) => {
    expect(readShape(question).intent).toBe('comparison');
    expect(readShape(question).compares).toBe(aspect);
  });

  test('names the levels asked about, meso as mezzo', () => {
    expect(readShape('how does meso differ from macro').levels).toEqual(['mezzo', 'macro']);
    expect(readShape('constructor toString __proto__').levels).toEqual([]);
    expect(readShape('what happens at the organisational level').levels).toEqual(['mezzo']);
    expect(readShape('why is micro called the individual level').levels).toEqual(['micro']);
  });
});

describe('two things offered as alternatives', () => {
  test.each(['bsw or msw', 'case management or counseling'])('%j is a comparison of the two, not of an aspect by level', (question) => {
    expect(readShape(question)).toMatchObject({ intent: 'comparison', compares: null });
  });

  test.each(['is it micro or macro', 'micro = therapy only?? or nah', 'lobbying or not'])('%j, a yes/no question, is not', (question) => {
    expect(readShape(question).intent).not.toBe('comparison');
  });
});

describe('one level set against the other two', () => {
  test.each([
    ['how is mezzo different from micro and macro', 'mezzo'],
    ['what makes macro its own thing compared with micro and mezzo', 'macro'],
  ] as const)('%j sets %s against the others', (question, level) => {
    expect(readShape(question).against).toBe(level);
  });

  test.each(['micro vs mezzo vs macro', 'compare micro, mezzo and macro', 'how do micro and mezzo differ from macro'])('%j does not', (question) => {
    expect(readShape(question).against).toBeNull();
  });
});
