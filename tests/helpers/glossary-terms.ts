import type { GlossaryTerm } from '../../src/knowledge/schema.ts';

const term = (id: string, name: string, aliases: string[], definition: string): GlossaryTerm => ({
  id,
  term: name,
  aliases,
  definition,
  level: 'general',
  example: `An example of ${name}.`,
  sources: ['test-source'],
  file: 'fixture.yaml',
});

/** Glossary terms written for the engine tests: names, aliases and definitions that name them. */
export const FIXTURE_TERMS: readonly GlossaryTerm[] = [
  term('empathy', 'Empathy', [], 'Empathy is understanding what another person feels, from their point of view.'),
  term('person-in-environment', 'Person-in-Environment', ['PIE'], 'Person-in-environment, or PIE, sees a client within their family, community and society.'),
  term('lcsw', 'LCSW', ['licensed clinical social worker'], 'An LCSW is a licensed clinical social worker who may diagnose and treat.'),
  term('lobbying', 'Lobbying', [], 'Lobbying asks lawmakers to change a policy; social workers lobby for their clients.'),
  term('advocacy', 'Advocacy', ['advocate'], 'Advocacy speaks up for a client or a group so that their needs are heard; an advocate acts with them.'),
  term('case-management', 'Case management', [], 'Case management links a client with the services they need and follows up.'),
];
