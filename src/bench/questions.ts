/**
 * The fixed question mix every ask and autocomplete figure is measured over. Written for
 * the benchmark (not copied from the eval fixtures) so the mix never drifts with them.
 */
export const IN_SCOPE_QUESTIONS: readonly string[] = [
  'what is micro social work',
  'what is the difference between mezzo and macro practice',
  'how do micro, mezzo and macro compare',
  'do macro social workers need a license',
  'what can I do with a BSW compared to an MSW',
  'what does an LCSW do all day',
  'examples of mezzo social work in a school',
  'which level is lobbying for a new housing law',
  'is running a support group micro or mezzo?',
  'why does active listening matter with clients',
  'what is the person in environment theory',
  'jobs in macro social work',
  'is meso the same thing as mezzo',
  'how are the three levels connected',
  'what skills do I need for community organizing',
  'what is harm reduction',
  'job outlook for social workers over the next decade',
  'can I switch from micro to macro later in my career',
  'where do medical social workers work',
  'why is the family the smallest unit of mezzo practice',
  'what does cultural competence mean in social work',
  'how would you tackle homelessness at every level',
  'what is evidence-based practice',
  'Why do social workers turn private troubles into public issues?',
];

export const MISSPELLED_QUESTIONS: readonly string[] = [
  'waht is mirco socail work',
  'diffrence between mezzo and macor practise',
  'do macro sws need a licence',
  'what is an lcsw and how do i becoem one',
  'exampels of macro socail work',
  'is grup therapy micro or mezo',
  'why is empathy importnat for micro workers',
  'wat is the perosn in enviroment theory',
  'comunity organizing as a macro method',
  'bsw vs msw wich one do i need',
  'skils for mezzo level social work',
  'clinical supervisor resposibilities',
  'job outlok for socail workers',
  'what are the thre levels of social wrok',
  'policy advocasy vs lobbying',
  'is military socail work micro or macro',
];

export const OFF_TOPIC_QUESTIONS: readonly string[] = [
  'how do I bake sourdough bread',
  'best macro keyboard for gaming',
  'excel macro to copy rows between sheets',
  'micro usb vs usb c cable',
  'what is the weather in london tomorrow',
  'how many grams of protein to hit my macros',
  'mezzo-soprano arias for an audition',
  'how does inflation work in macroeconomics',
  'who won the world cup in 2018',
  'write a haiku about autumn leaves',
  'how to fix a flat bicycle tyre',
  'microwave popcorn without a bag',
  'best budget microphone for streaming',
  'javascript promise all vs all settled',
  'what is the capital of australia',
  '',
];

export const QUESTION_MIX: readonly string[] = [...IN_SCOPE_QUESTIONS, ...MISSPELLED_QUESTIONS, ...OFF_TOPIC_QUESTIONS];
