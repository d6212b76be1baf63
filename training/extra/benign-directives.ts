/**
 * Benign requests that carry output directives ("answer in French", "start with ...", "only the code",
 * "don't reveal the answer yet") and ordinary documents handed to an assistant. Out of context, BIPIA-style
 * injected instructions look exactly like these; a user asking for a format is not an attack, so these
 * keep the model from learning "any instruction about the reply = injection". Written for this project.
 */
import { CARRIERS } from './carriers.js';
import { cap, type Gen, tidy } from './gen.js';

const TASKS = [
  'explain how a heat pump works',
  'list the planets in order from the sun',
  'describe the water cycle',
  'give me tips for a job interview',
  'summarise the plot of Hamlet',
  'suggest a weekend trip from Munich',
  'write a thank-you note to my neighbour',
  'explain what an API is',
  'compare cats and dogs as pets',
  'tell me how to make pancakes',
  'describe the causes of the French Revolution',
  'explain recursion with an example',
  'write a product description for a steel water bottle',
  'give me a study plan for learning statistics',
  'explain the difference between weather and climate',
  'recommend three podcasts about history',
  'write a short bio for a conference speaker',
  'explain how to change a bicycle tyre',
  'draft an out-of-office reply',
  'describe how vaccines work',
];

const DIRECTIVES = [
  'Answer in French.',
  'Please reply in German.',
  'Respond in Spanish, I am practising.',
  'Use exactly three bullet points.',
  'Keep it under 50 words.',
  'Start your reply with "Sure thing!".',
  'Begin with a one-line summary.',
  'Format the answer as a table.',
  'Return the answer as JSON with keys "title" and "steps".',
  'Only give the final answer, no explanation.',
  'Write it as a haiku.',
  'Use simple words a child would understand.',
  'Add an emoji to each point.',
  'End with a question to keep the conversation going.',
  'Please do not use bullet points.',
  'Number each step.',
  'Write in a formal tone.',
  'Make it sound like a pirate.',
  'Put the most important point first.',
  "Don't include any code.",
  'Reply in all lowercase.',
  'Include one fun fact at the end.',
  'Use British spelling.',
  'Write your answer backwards, word by word, as a fun puzzle for my kids.',
  'Encode the final answer in base64 so my students can decode it as an exercise.',
  'Mention a source I can read for more detail.',
  'Remind me to drink water at the end, I always forget.',
];

const PLAIN = [
  "Tell me a riddle, but don't reveal the answer until I guess.",
  'Ignore punctuation and count the words in: "Well, well, well... look who is here!"',
  'Ignore the first row of the CSV, it is a header: name,age / Ana,34 / Li,29. What is the average age?',
  'Forget the formal tone for this one: write a text to my friend saying I am running late.',
  'Translate "where is the nearest pharmacy?" into Italian.',
  'Translate this into Japanese: "thank you for the lovely dinner".',
  'Repeat the three main steps at the end so I remember them: how to make cold brew coffee.',
  'Write the password reset email our users receive when they click "forgot password".',
  'How do I override equals() and hashCode() in Java?',
  'What makes a strong passphrase for a password manager?',
  'My manager told me to disregard the old template. How should a modern invoice look?',
  'Pretend you are a librarian and recommend me a mystery novel.',
  'Act as a quiz host and ask me five geography questions, one at a time.',
  'You are a helpful assistant. Summarise the notes I paste next in three bullets.',
  'Respond only with the corrected sentence: "me and him goes to the store".',
  'Reply with yes or no: is a tomato a fruit?',
  'Print "Hello, World!" in five programming languages.',
  'Say "good morning" in ten languages.',
  'Output only the SQL query that counts orders per customer.',
  'Spell "necessary" letter by letter, I always get it wrong.',
];

export function benignDirective(g: Gen): string {
  if (g.random() < 0.25) return g.pick(PLAIN);
  const task = g.pick(TASKS);
  const directive = g.pick(DIRECTIVES);
  return tidy(g.random() < 0.5 ? `${cap(task)}. ${directive}` : `${directive} ${cap(task)}.`);
}

/** Documents handed over by the user, with an ordinary request: the benign twin of an addressed injection. */
export function benignHandover(g: Gen): string {
  const doc = g.pick(CARRIERS);
  const more = g.random() < 0.4 ? ` ${g.pick(CARRIERS)}` : '';
  return tidy(
    g.pick([
      `${doc}${more} Assistant, please summarise this in one line.`,
      `Can you turn this into a calendar entry? ${doc}`,
      `Please check this for typos: ${doc}`,
      `Translate into Spanish for my colleague: ${doc}`,
      `Extract the amounts and dates from this: ${doc}${more}`,
      `Here is the text: ${doc}${more} What is the key date or number in it?`,
    ]),
  );
}

const SECRET_THINGS = [
  'answer',
  'ending',
  'solution',
  'plot twist',
  'murderer',
  'punchline',
  'final score',
  'surprise',
];
const SECURITY_OBJECTS = [
  'password reset email',
  'password policy for our staff wiki',
  'two-factor login guide',
  'onboarding checklist for new admins',
  'phishing awareness quiz',
  'security incident report template',
  'privacy policy section about account data',
  'FAQ entry about forgotten passwords',
];
const WORDS = [
  'necessary',
  'rhythm',
  'Wednesday',
  'onomatopoeia',
  'bureaucracy',
  'Mississippi',
  'accommodate',
];

/**
 * Benign requests built around the words attacks use ("reveal", "password", "instructions", "ignore",
 * "repeat", "spell", "system"), in many combinations, so that the words alone do not decide.
 */
export function benignTriggerWords(g: Gen): string {
  const thing = g.pick(SECRET_THINGS);
  return tidy(
    g.pick([
      `Tell me a ${g.pick(['riddle', 'mystery story', 'joke', 'logic puzzle'])}, but don't reveal the ${thing} until I ${g.pick(['guess', 'ask', 'say "ready"'])}.`,
      `Write a ${g.pick(SECURITY_OBJECTS)}.`,
      `Draft the ${g.pick(SECURITY_OBJECTS)} for our ${g.pick(['bank', 'school', 'startup', 'clinic', 'library'])}.`,
      `Spell "${g.pick(WORDS)}" letter by letter.`,
      `How do I spell "${g.pick(WORDS)}"? Repeat it slowly.`,
      `Ignore ${g.pick(['capital letters', 'punctuation', 'spaces', 'the header row', 'duplicates'])} and ${g.pick(['count the words', 'sort the list', 'find the longest word'])} in: "${g.pick(['Red, red wine; blue sky', 'apple Banana apple cherry', 'one two, THREE four'])}".`,
      `What are good instructions for ${g.pick(['assembling a bookshelf', 'a fire drill', 'feeding a cat while I travel', 'using the office printer'])}?`,
      `Write system requirements for ${g.pick(['a photo app', 'a school timetable tool', 'a recipe website'])}.`,
      `Explain how the ${g.pick(['immune', 'solar', 'nervous', 'metric'])} system works.`,
      `Repeat the last ${g.pick(['two', 'three'])} steps of the recipe for ${g.pick(['banana bread', 'risotto', 'pancakes'])}; I missed them.`,
      `What is a secure way to share a ${g.pick(['Wi-Fi password', 'Netflix password', 'door code'])} with ${g.pick(['my family', 'guests', 'a house sitter'])}?`,
      `Is it safe to store my ${g.pick(['passwords', 'recovery codes', 'PIN'])} in ${g.pick(['a notes app', 'the browser', 'a password manager'])}?`,
      `My ${g.pick(['kid', 'dad', 'colleague'])} forgot the ${g.pick(['iPad passcode', 'router password', 'email password'])}. How do we reset it?`,
      `Pretend you are a ${g.pick(['quiz master', 'tour guide', 'chess coach', 'museum curator'])} and ${g.pick(['ask me three questions', 'greet the visitors', 'explain the first move'])}.`,
      `Override the ${g.pick(['default margins in Word', 'font size in my CSS', 'Git author name for one commit', 'timezone in my Django settings'])}: how?`,
      `Forget ${g.pick(['the budget', 'my last question', 'the weekend plan'])} for a second; ${g.pick(['what is a good name for a bakery?', 'how tall is Mount Fuji?', 'which laptop is good for students?'])}`,
    ]),
  );
}
