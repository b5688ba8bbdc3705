import { describe, expect, test } from 'vitest';
import { asksSomewhere, embeddedQuestions, lastQuestion } from '../../src/engines/long-question.ts';

const known = new Set(['lobbying', 'lawmakers', 'advocacy']);
const isKnown = (word: string): boolean => known.has(word);

describe('lastQuestion', () => {
  test('a short question is its own question', () => {
    expect(lastQuestion('what is mezzo social work', isKnown)).toBeNull();
  });

  test('the last clause that reads as a question, past the story', () => {
    expect(lastQuestion('so my cousin keeps asking me what i even study and i got confused myself, what is mezzo social work', isKnown)).toBe(
      'what is mezzo social work',
    );
  });

  test('two content words ask enough when they point back to nothing', () => {
    const story = 'i zoned out in the lecture today because i was exhausted after my night shift and missed the whole part on the levels, ';
    expect(lastQuestion(`${story}can someone just tell me what the three levels are`, isKnown)).toBe('can someone just tell me what the three levels are');
  });

  test('a claim checked at the end ("is that true", "right?") is the question', () => {
    const story = 'my aunt is a nurse and she always asks what i will actually do all day. ';
    expect(lastQuestion(`${story}a friend said macro practice is what sets social work apart from other helping jobs? is that true`, isKnown)).toBe(
      'a friend said macro practice is what sets social work apart from other helping jobs',
    );
    expect(lastQuestion(`${story}so lobbying lawmakers for a new law counts as macro advocacy, right?`, isKnown)).toBe(
      'so lobbying lawmakers for a new law counts as macro advocacy',
    );
  });

  test('a clause that points back takes the known words of the one before', () => {
    expect(lastQuestion('our teacher talked about lobbying lawmakers for a whole hour again today, why is that macro work', isKnown)).toBe(
      'why is that macro work lobbying lawmakers',
    );
  });

  test('the question runs on to the end of its sentence, past a comma', () => {
    const question = 'i have done casework for years and i am tired of it. is it too late to switch levels, and what training would i need';
    expect(lastQuestion(question, isKnown)).toBe('is it too late to switch levels, and what training would i need');
  });

  test('a sentence that is the whole text is not split off: its question clause is', () => {
    const question = 'what did the professor mean by private troubles and public issues in class, i missed that whole part of the lecture';
    expect(lastQuestion(question, isKnown)).toBe('what did the professor mean by private troubles and public issues in class');
  });

  test('a question of two clauses in its sentence starts at the first', () => {
    const question =
      'my aunt runs reports for a charity board and never sees clients. what level of practice is that job, and does it still count as social work';
    expect(lastQuestion(question, isKnown)).toBe('what level of practice is that job, and does it still count as social work');
  });

  test('"so" before a question word starts the question', () => {
    const question =
      'my supervisor says some of our work is micro and some is mezzo but it is one hospital so how do i work out which level my placement job sits at';
    expect(lastQuestion(question, isKnown)).toBe('how do i work out which level my placement job sits at');
  });

  test('filler before the question word does not hide the question', () => {
    const question = 'my mum keeps asking what i will do all day and i never know what to say lol. like what is mezzo social work practice';
    expect(lastQuestion(question, isKnown)).toBe('like what is mezzo social work practice');
  });

  test('no clause that reads as a question: nothing to split off', () => {
    expect(lastQuestion('i keep mixing up the levels and my notes from the lecture on tuesday are a mess honestly', isKnown)).toBeNull();
  });

  test('"so important" inside a clause is not a break', () => {
    const question = 'i missed the lecture last week and my notes are a total mess, what are the reasons micro practice is seen as so important';
    expect(lastQuestion(question, isKnown)).toBe('what are the reasons micro practice is seen as so important');
  });
});

describe('asksSomewhere', () => {
  test.each([
    ['a worker helps one client, what level is that', true],
    ['a worker helps one client and her family', false],
    ['so i help at a shelter. how do i know my level', true],
  ])('%j: %s', (text, asks) => {
    expect(asksSomewhere(text)).toBe(asks);
  });
});

describe('embeddedQuestions', () => {
  test('a question that points back means nothing on its own and is left out', () => {
    const story = 'for my seminar paper we have to talk about why social workers should know all three levels. why does it matter to know all of them';
    expect(embeddedQuestions(story)).toEqual(['why social workers should know all three levels']);
  });

  test('each question asked inside a long story, from a question word, the last clause first and the longest first', () => {
    const story = 'my dad keeps asking why i picked this course and i want to explain to him what social work is, and also how the levels fit together lol';
    expect(embeddedQuestions(story)).toEqual([
      'how the levels fit together lol',
      'why i picked this course and i want to explain to him what social work is',
      'what social work is',
    ]);
  });

  test('a short question has none, nor does a story without a question word', () => {
    expect(embeddedQuestions('what is social work')).toEqual([]);
    expect(embeddedQuestions('i volunteer at a shelter on weekends and my supervisor says i am doing mezzo work with the residents there')).toEqual([]);
  });
});
