/**
 * Benign documents (model 2026.11.26-2): long benign English prose. The classifier flagged ordinary long prose as injection
 * (31-37% of ordinary mailing-list e-mails, 71% of novel chapters and 99% of long speeches scored above
 * its threshold) because the only long, function-word-rich English in its training data ("the", "of",
 * "that", "been", "were", "their", "every", "your", "now", "here", "said", "it's") was in the attack
 * class, as long role-play jailbreak stories, while the benign class was short, terse prompts. Real
 * benign e-mails in training cut the e-mail false-positive rate from 31% to 2%; we may not copy external
 * text, so this composes documents instead: mailing-list and work e-mails with quoted replies and
 * signatures, news reports, fiction in the third and first person, speeches and op-eds, blog posts,
 * product reviews, travel notes, recipes, meeting minutes, how-tos and encyclopedic paragraphs. Every
 * template and word list below was written for this project. Nothing in them addresses an AI or talks
 * about instructions: that vocabulary belongs to the attack kinds.
 */
import { article, cap, type Gen, grow as growBlocks, int, lowerFirst, take, tidy, words } from './gen.js';

// ---------------------------------------------------------------- people, places, organisations
const MEN = words(`James Daniel Tom Michael Peter David Robert Andrew Paul Mark Steve Chris Brian Kevin Greg
  Matt Joe Martin Henry Walter Arthur Samuel Oliver Ravi Hiroshi Carlos Ahmed Lars Pavel Tomasz Kwame Diego
  Luca Sean Owen Felix Victor Ian Neil Colin Frank Rob Ed Alan Gareth`);
const WOMEN = words(`Mary Sarah Anna Emma Laura Karen Helen Julia Claire Rachel Susan Linda Margaret Alice
  Grace Ruth Kate Nina Priya Mei Fatima Ingrid Sofia Elena Olga Aisha Rosa Hannah Jenny Lucy Beth Diane Joan
  Yuki Amara Teresa Lena Paula Irene Megan Frances Jo Rita`);
const SURNAMES =
  words(`Smith Walker Thompson Patel Nguyen Garcia Kowalski O'Brien Fischer Hughes Bennett Carter
  Morrison Lindqvist Okafor Tanaka Rossi Novak Harris Brooks Fletcher Reyes Chen Schmidt Dubois Kelly Murphy
  Ward Price Hayes Russell Grant Palmer Stewart Holloway Ashford Whitaker Barnes Quinn Sato Mendes Haddad
  Ivanov Larsen Moreau Costa Mitchell Jenkins Doyle Abbott Pearce Lowe Sinclair`);
const CITIES = [
  'London',
  'Manchester',
  'Leeds',
  'Bristol',
  'Glasgow',
  'Dublin',
  'Cork',
  'Boston',
  'Chicago',
  'Denver',
  'Portland',
  'Austin',
  'Seattle',
  'Toronto',
  'Vancouver',
  'Sydney',
  'Melbourne',
  'Auckland',
  'Cape Town',
  'Nairobi',
  'Lagos',
  'Mumbai',
  'Singapore',
  'Tokyo',
  'Osaka',
  'Berlin',
  'Hamburg',
  'Munich',
  'Vienna',
  'Prague',
  'Warsaw',
  'Oslo',
  'Stockholm',
  'Copenhagen',
  'Amsterdam',
  'Brussels',
  'Lyon',
  'Madrid',
  'Lisbon',
  'Rome',
  'Milan',
  'Athens',
  'Montreal',
  'Edinburgh',
  'Cardiff',
  'Pittsburgh',
  'Sacramento',
  'Halifax',
  'Perth',
  'Wellington',
];
/** Invented towns for fiction and local news, so stories are not tied to a real place. */
const TOWNS = words(`Harwick Millbrook Eastcombe Ashby Fenton Sorrel Kestrel Greyhaven Oakridge Stonebridge
  Wexley Thornbury Calder Marlow Brantwood Hollins Redmere Saltash Dunmore Larkhill Elmstead Bramford`);
const REGIONS = [
  'the north of the county',
  'the valley',
  'the eastern districts',
  'the coastal towns',
  'the upper river basin',
  'the southern suburbs',
  'the hill country',
  'the border region',
];
const ORGS = [
  'the city council',
  'the Department of Transport',
  'the Ministry of Health',
  'the regional water authority',
  'Northfield University',
  'the Chamber of Commerce',
  'Harlow Engineering',
  'Brightwater Foods',
  'the county hospital trust',
  "the teachers' union",
  'the port authority',
  'the state museum',
  'Meridian Software',
  'the library board',
  "the farmers' cooperative",
  'Eastgate Logistics',
  'the statistics office',
  'the parks department',
  'the housing association',
  'the rail operator',
  'Kingsley & Hart',
  'the Institute of Marine Science',
  'the national weather service',
  'the environment agency',
  'Copperfield Bank',
  'the hospital board',
];
const UNIVERSITIES = [
  'Northfield University',
  'the University of Calder',
  'Redmere College',
  'the Institute of Marine Science',
  'the polytechnic',
];
const SCHOOLS = [
  'Hollins Primary School',
  'St. Anne’s',
  'the grammar school',
  'Larkhill Academy',
  'the village school',
  'Riverside High',
];
const STREETS = words(`Mill Station Church Bridge Market Chapel Orchard Quarry Harbour Victoria Castle Kings
  Water Spring Park Hill`).map((w) => `${w} ${['Lane', 'Road', 'Street'][w.length % 3]}`);
const RIVERS = words(`Avon Calder Wend Usk Tamar Ouse Severn Dove Lark Isis Wye Colne`).map(
  (r) => `the ${r}`,
);

// ---------------------------------------------------------------- general words
const ADJ = words(`good small large old new quiet busy cheap expensive simple difficult strange useful
  important obvious careful honest bright dark narrow wide heavy light warm cold wet dry early late slow
  quick clean dirty empty full broken solid fragile modern ancient local national rural urban public
  private ordinary unusual familiar remarkable awkward generous sensible reasonable steady fierce gentle
  pale crowded lonely tidy shabby sturdy elegant decent patchy reliable clumsy vague precise tedious
  pleasant grim cheerful bleak lively modest vast tiny shallow deep rough smooth fresh stale ripe sour
  sweet bitter noisy silent stubborn curious anxious grateful weary`);
const ADV = words(`quickly slowly quietly carefully finally suddenly probably certainly really simply nearly
  almost rather quite perhaps clearly honestly frankly apparently eventually gradually usually rarely
  often sometimes already still soon later again recently hardly barely entirely mostly fairly
  surprisingly reluctantly patiently briefly`);
const ADJ_PERSON = words(`stubborn quiet restless careful generous proud shy cheerful practical impatient
  thoughtful clever kind difficult brave secretive anxious cautious curious`);
const RELATIVES = words(`mother father sister brother aunt uncle grandmother grandfather cousin son daughter
  wife husband neighbour landlady friend colleague godmother`);
const JOBS = words(`teacher nurse engineer farmer carpenter lawyer baker plumber accountant librarian driver
  fisherman doctor pharmacist electrician journalist architect shopkeeper postman mechanic gardener
  surveyor`);
const DAYS = words('Monday Tuesday Wednesday Thursday Friday Saturday Sunday');
const MONTHS = words('January February March April May June July August September October November December');
const SEASONS = words('spring summer autumn winter');
const NUMBER_WORDS = words('two three four five six seven eight nine ten eleven twelve fifteen twenty');
const ORDINALS = words('second third fourth fifth sixth seventh eighth tenth');
const CENTURIES = words(
  'twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth',
);

// ---------------------------------------------------------------- topic nouns
const TECH = [
  'the mail server',
  'the build',
  'the patch',
  'the mirror',
  'the spam filter',
  'the list archive',
  'the backup script',
  'the new kernel',
  'the nightly cron job',
  'the printer driver',
  'the sound card',
  'the firewall',
  'the web server',
  'the database',
  'the laptop',
  'the router',
  'the package',
  'the source tarball',
  'the CVS tree',
  'the test suite',
  'the install CD',
  'the boot loader',
  'the hard disk',
  'the network card',
  'the modem',
  'the DNS server',
  'the login script',
  'the makefile',
  'the proxy',
  'the X server',
  'the wireless card',
  'the RAID array',
];
const SOFTWARE = [
  'Red Hat 7.3',
  'Debian woody',
  'FreeBSD 4.6',
  'kernel 2.4.18',
  'Apache 1.3.26',
  'Postfix 1.1.11',
  'sendmail 8.12.5',
  'Perl 5.8.0',
  'Python 2.2',
  'gcc 3.2',
  'MySQL 3.23',
  'PHP 4.2.2',
  'Samba 2.2.5',
  'exmh 2.5',
  'Mozilla 1.1',
  'OpenSSH 3.4p1',
  'procmail 3.22',
  'XFree86 4.2',
  'GNOME 2.0',
  'KDE 3.0',
  'Emacs 21.2',
  'Python 3.11',
  'Node 18',
  'PostgreSQL 14',
  'Ubuntu 22.04',
  'nginx 1.24',
  'Firefox 115',
  'Windows 2000',
  'Mac OS X 10.2',
  'Mutt 1.4',
];
const FILES = [
  '/etc/postfix/main.cf',
  '/etc/fstab',
  '/etc/httpd/conf/httpd.conf',
  '~/.procmailrc',
  '/etc/resolv.conf',
  '~/.bashrc',
  '/etc/X11/XF86Config',
  '/etc/samba/smb.conf',
  '/etc/crontab',
  '/etc/hosts',
  '~/.muttrc',
  '/etc/ssh/sshd_config',
  '/etc/lilo.conf',
  '/boot/grub/grub.conf',
  '/etc/modules.conf',
  'config.php',
  'setup.cfg',
];
const COMMANDS = [
  'rpm -Uvh',
  'apt-get update',
  './configure --prefix=/usr/local',
  'make && make install',
  'tail -f /var/log/maillog',
  'ldconfig',
  'fsck -y /dev/hda2',
  'ps aux | grep httpd',
  'service httpd restart',
  'df -h',
  'mount -a',
  'cvs update -d',
  'dmesg | less',
  'lsmod',
  'ssh-keygen -t rsa',
  'git pull --rebase',
  'pip install --upgrade',
  'strace -p',
  'netstat -tlnp',
  'lilo -v',
  'ifconfig eth0',
];
const ERRORS = [
  '"Connection refused"',
  '"Permission denied"',
  '"segmentation fault (core dumped)"',
  '"No space left on device"',
  '"cannot find -lssl"',
  '"unresolved symbol"',
  '"Relay access denied"',
  '"Name or service not known"',
  '"No such file or directory"',
  '"Broken pipe"',
  '"undefined reference to main"',
  '"timed out waiting for lock"',
  '"500 Internal Server Error"',
  '"mailbox is full"',
  '"unknown host"',
  '"device or resource busy"',
  '"bad interpreter"',
];
const URL_PATHS = [
  'docs/faq.html',
  'pipermail/users/2002-September/',
  'download/',
  'bugs/show_bug.cgi?id=',
  'patches/',
  'archive/2003/msg00',
  'wiki/Troubleshooting',
  'news/story.php?id=',
  'howto/mail-setup.html',
  'releases/notes.txt',
];
const WORK = words(`budget invoice contract spreadsheet proposal draft schedule timeline forecast audit
  newsletter brochure tender agenda rota quote handbook presentation report`).concat([
  'quarterly report',
  'purchase order',
  'staff survey',
  'training plan',
  'annual review',
  'project plan',
  'floor plan',
  'price list',
]);
const CIVIC = [
  'roads',
  'bridges',
  'schools',
  'hospitals',
  'pensions',
  'wages',
  'small businesses',
  'libraries',
  'parks',
  'railways',
  'clinics',
  'ports',
  'farms',
  'bus services',
  'water pipes',
  'council houses',
  'night schools',
  'fire stations',
  'apprenticeships',
  'community centres',
];
/** Public services a speech can promise to invest in ({civ}). */
const PUBLIC = [
  'schools',
  'hospitals',
  'libraries',
  'parks',
  'railways',
  'clinics',
  'bus services',
  'bridges',
  'roads',
  'fire stations',
  'community centres',
];
const TRANSPORT = [
  'bridge over the river',
  'bus route to the hospital',
  'tram line',
  'cycle path',
  'ring road',
  'railway station',
  'ferry terminal',
  'park and ride',
  'footbridge',
  'harbour wall',
];
const LAND = words(`hill ridge valley meadow orchard hedge lane river stream pond marsh moor shore harbour
  pier cliff wood field barn churchyard square market towpath quay headland common heath`);
const ROOMS = words('kitchen hallway attic cellar porch landing parlour study scullery bedroom');
const HOME = words(`stove kettle table armchair bookcase dresser cupboard mantelpiece lamp window sink
  doorway hearth sofa piano`);
const OBJECTS = [
  'letter',
  'photograph',
  'key',
  'suitcase',
  'umbrella',
  'notebook',
  'map',
  'lantern',
  'scarf',
  'basket',
  'radio',
  'newspaper',
  'ticket',
  'ring',
  'pocket watch',
  'postcard',
  'tin box',
  'pair of gloves',
  'bundle of receipts',
];
const WEATHER = [
  'a thin rain',
  'the wind off the sea',
  'a low grey sky',
  'the first frost',
  'a heavy fog',
  'the late sun',
  'a warm dry wind',
  'a squall of sleet',
  'the shadow of a cloud',
  'a bank of mist',
  'thunder somewhere over the hills',
  'a fine drizzle',
];
const SMELLS = [
  'wet wool',
  'coal smoke',
  'baking bread',
  'cut grass',
  'diesel and salt',
  'lavender',
  'old books',
  'boiled cabbage',
  'pine resin',
  'fresh paint',
  'oranges',
];
const SOUNDS = [
  'rain on the roof',
  'gulls over the harbour',
  'the milk van',
  'church bells',
  'the wind in the chimney',
  'a dog barking down the lane',
  'the kettle',
  'traffic on the main road',
  'the neighbours arguing',
];
const BUILDINGS = words(`mill chapel boathouse hotel cinema bakery warehouse schoolhouse lighthouse pub
  library garage`).concat(['post office', 'railway hotel', 'corner shop', 'town hall', 'bus depot']);
const VEHICLES = ['taxi', 'bus', 'van', 'train', 'lorry', 'old Ford', 'tractor', 'ferry'];
const EVENTS = [
  'summer fair',
  'quiz night',
  'carol concert',
  'plant sale',
  'annual dinner',
  'litter pick',
  'open day',
  'jumble sale',
  'book swap',
  'barn dance',
];
const HOBBIES = [
  'baking bread',
  'running',
  'birdwatching',
  'sea swimming',
  'learning the guitar',
  'knitting',
  'growing vegetables',
  'restoring old bikes',
  'pottery',
  'bouldering',
  'keeping bees',
  'sketching',
  'learning Spanish',
  'cycling to work',
  'making jam',
];
const PRODUCTS = [
  'the kettle',
  'these headphones',
  'the tent',
  'this blender',
  'the vacuum cleaner',
  'this backpack',
  'the coffee grinder',
  'these walking boots',
  'the e-reader',
  'this desk lamp',
  'the electric toothbrush',
  'the garden hose',
  'this office chair',
  'the rice cooker',
  'the bike lock',
  'the printer',
  'this cast iron pan',
  'the baby monitor',
  'the keyboard',
  'the sleeping bag',
];
const FEATURES = words(`battery handle lid zip strap cable switch screen motor filter hinge buckle sole
  charger cord display base clasp`);
const DISHES = [
  'lentil soup',
  'beef stew',
  'fish pie',
  'vegetable curry',
  'chicken casserole',
  'mushroom risotto',
  'shepherd’s pie',
  'bean chilli',
  'leek and potato soup',
  'barley broth',
  'pea and ham soup',
];
const BAKES = [
  'apple cake',
  'bread pudding',
  'plum crumble',
  'ginger biscuits',
  'banana bread',
  'lemon drizzle cake',
  'soda bread',
  'oat flapjacks',
  'cherry scones',
];
const VEG = words(`carrots celery potatoes leeks mushrooms tomatoes peppers spinach parsnips courgettes
  lentils chickpeas beans peas squash`);
const SPICES = words('cumin paprika thyme rosemary cinnamon ginger nutmeg oregano coriander').concat([
  'bay leaves',
  'black pepper',
  'chilli flakes',
]);
const FATS = ['butter', 'olive oil', 'sunflower oil', 'dripping'];
const TOOLS = [
  'spanner',
  'screwdriver',
  'pair of pliers',
  'spirit level',
  'drill',
  'hacksaw',
  'stiff brush',
  'bucket',
  'tape measure',
  'utility knife',
];
const PARTS = ['washer', 'screw', 'bracket', 'valve', 'chain', 'pot', 'rawlplug', 'fitting', 'seal'];
const SERVICES = [
  'fast broadband',
  'a regular bus service',
  'a doctor within ten miles',
  'mains gas',
  'a bank branch',
  'a library',
];
const SCIENCE = [
  'glaciers',
  'coral reefs',
  'honey bees',
  'migrating birds',
  'volcanic soils',
  'river deltas',
  'tides',
  'lichens',
  'sea ice',
  'earthworms',
  'comets',
];

// ---------------------------------------------------------------- document-level state and slots
interface Person {
  first: string;
  last: string;
  he: string;
  him: string;
  his: string;
}

interface Doc {
  g: Gen;
  a: Person;
  b: Person;
  me: Person;
  writer: Person;
  city: string;
  town: string;
  org: string;
  product: string;
  dish: string;
  /** The public service a speech or letter keeps returning to ({civ}). */
  civic: string;
  /** Singular noun phrases an e-mail thread or essay keeps returning to ({thing}). */
  things: readonly string[];
  used: Set<string>;
}

function person(g: Gen): Person {
  const man = g.random() < 0.5;
  return {
    first: g.pick(man ? MEN : WOMEN),
    last: g.pick(SURNAMES),
    he: man ? 'he' : 'she',
    him: man ? 'him' : 'her',
    his: man ? 'his' : 'her',
  };
}

const full = (p: Person): string => `${p.first} ${p.last}`;
const email = (p: Person, g: Gen): string =>
  `${g.pick([p.first, `${p.first}.${p.last}`, `${p.first[0]}${p.last}`])}@${g.pick(['example.org', 'example.net', 'example.com', 'lists.example.org'])}`
    .toLowerCase()
    .replace(/[^a-z0-9@.]/g, '');

function ordinalSuffix(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

const SLOTS: Record<string, (d: Doc) => string> = {
  A: (d) => d.a.first,
  Afull: (d) => full(d.a),
  he: (d) => d.a.he,
  He: (d) => cap(d.a.he),
  him: (d) => d.a.him,
  his: (d) => d.a.his,
  B: (d) => d.b.first,
  Bfull: (d) => full(d.b),
  bhe: (d) => d.b.he,
  bhim: (d) => d.b.him,
  bhis: (d) => d.b.his,
  writer: (d) => d.writer.first,
  name: (d) => d.g.pick(d.g.random() < 0.5 ? MEN : WOMEN),
  full: (d) => full(person(d.g)),
  city: (d) => d.city,
  city2: (d) => d.g.pick(CITIES),
  town: (d) => d.town,
  town2: (d) => d.g.pick(TOWNS),
  region: (d) => d.g.pick(REGIONS),
  org: (d) => d.org,
  org2: (d) => d.g.pick(ORGS),
  university: (d) => d.g.pick(UNIVERSITIES),
  school: (d) => d.g.pick(SCHOOLS),
  street: (d) => d.g.pick(STREETS),
  river: (d) => d.g.pick(RIVERS),
  day: (d) => d.g.pick(DAYS),
  month: (d) => d.g.pick(MONTHS),
  season: (d) => d.g.pick(SEASONS),
  year: (d) => String(int(d.g, 1850, 1990)),
  since: (d) => String(int(d.g, 1955, 2015)),
  recent: (d) => String(int(d.g, 1995, 2023)),
  clock: (d) =>
    d.g.pick([
      '9:30',
      '10am',
      'half past seven',
      'noon',
      '14:00',
      '6.30pm',
      '8 sharp',
      'quarter to six',
      '11:15',
    ]),
  num: (d) => String(int(d.g, 2, 60)),
  numw: (d) => d.g.pick(NUMBER_WORDS),
  pct: (d) =>
    d.g.pick([
      `${int(d.g, 2, 35)}%`,
      `${int(d.g, 2, 30)} percent`,
      `${int(d.g, 1, 9)}.${int(d.g, 1, 9)} per cent`,
      `${int(d.g, 1, 12)}.${int(d.g, 0, 9)}%`,
    ]),
  money: (d) =>
    d.g.pick([
      `£${int(d.g, 3, 120)}`,
      `$${int(d.g, 5, 200)}`,
      `€${int(d.g, 4, 150)}`,
      `${int(d.g, 20, 300)} euros`,
      `${int(d.g, 2, 30)} pounds`,
    ]),
  cost: (d) =>
    d.g.pick([
      `£${int(d.g, 2, 90)} million`,
      `$${int(d.g, 120, 950)},000`,
      `€${int(d.g, 1, 9)}.${int(d.g, 1, 9)} million`,
      `${d.g.pick(NUMBER_WORDS)} million dollars`,
    ]),
  spokes: (d) => {
    const p = person(d.g);
    return `${full(p)}, a ${p.he === 'he' ? 'spokesman' : 'spokeswoman'}`;
  },
  bignum: (d) =>
    d.g.pick([
      `${int(d.g, 2, 90)},000`,
      `${d.g.pick(NUMBER_WORDS)} thousand`,
      `${int(d.g, 1, 9)},${int(d.g, 100, 999)}`,
      `${d.g.pick(['two', 'three', 'several'])} hundred thousand`,
    ]),
  nth: (d) => ordinalSuffix(int(d.g, 1, 28)),
  ordinal: (d) => d.g.pick(ORDINALS),
  century: (d) => d.g.pick(CENTURIES),
  temp: (d) => String(int(d.g, 16, 22) * 10),
  age: (d) => String(int(d.g, 19, 88)),
  adj: (d) => d.g.pick(ADJ),
  adv: (d) => d.g.pick(ADV),
  adjperson: (d) => d.g.pick(ADJ_PERSON),
  relative: (d) => d.g.pick(RELATIVES),
  job: (d) => d.g.pick(JOBS),
  ajob: (d) => {
    const job = d.g.pick(JOBS);
    return `${/^[aeiou]/.test(job) ? 'an' : 'a'} ${job}`;
  },
  atrade: (d) => d.g.pick(['a plumber', 'an electrician', 'a carpenter', 'a builder', 'a professional']),
  old: (d) => String(int(d.g, 1480, 1905)),
  thing: (d) => d.g.pick(d.things),
  tech: (d) => d.g.pick(TECH),
  soft: (d) => d.g.pick(SOFTWARE),
  file: (d) => d.g.pick(FILES),
  cmd: (d) => d.g.pick(COMMANDS),
  err: (d) => d.g.pick(ERRORS),
  url: (d) => {
    const host = d.g.pick(['www.example.org', 'lists.example.net', 'www.example.com', 'ftp.example.net']);
    const path = d.g.pick(URL_PATHS);
    return `http://${host}/${path}${path.endsWith('=') || path.endsWith('00') ? int(d.g, 10, 9999) : ''}`;
  },
  work: (d) => d.g.pick(WORK),
  civic: (d) => d.g.pick(CIVIC),
  civ: (d) => d.civic,
  jobs: (d) =>
    d.g
      .pick(JOBS)
      .replace(/man$/, 'men')
      .replace(/([^n])$/, '$1s'),
  trans: (d) => d.g.pick(TRANSPORT),
  land: (d) => d.g.pick(LAND),
  room: (d) => d.g.pick(ROOMS),
  home: (d) => d.g.pick(HOME),
  object: (d) => d.g.pick(OBJECTS),
  weather: (d) => d.g.pick(WEATHER),
  smell: (d) => d.g.pick(SMELLS),
  sound: (d) => d.g.pick(SOUNDS),
  building: (d) => d.g.pick(BUILDINGS),
  vehicle: (d) => d.g.pick(VEHICLES),
  event: (d) => d.g.pick(EVENTS),
  hobby: (d) => d.g.pick(HOBBIES),
  product: (d) => d.product,
  feature: (d) => d.g.pick(FEATURES),
  dish: (d) => d.dish,
  veg: (d) => d.g.pick(VEG),
  spice: (d) => d.g.pick(SPICES),
  sweetspice: (d) => d.g.pick(['cinnamon', 'ginger', 'nutmeg', 'mixed spice', 'cardamom', 'vanilla']),
  fat: (d) => d.g.pick(FATS),
  tool: (d) => d.g.pick(TOOLS),
  part: (d) => d.g.pick(PARTS),
  service: (d) => d.g.pick(SERVICES),
  sci: (d) => d.g.pick(SCIENCE),
};

/** Replaces {slot}s (slot values may hold slots of their own). An unknown slot is a typo: fail loudly. */
function fill(d: Doc, template: string): string {
  let s = template;
  for (let round = 0; round < 3 && s.includes('{'); round++) {
    s = s.replace(/\{(\w+)\}/g, (_, key: string) => {
      const slot = SLOTS[key];
      if (!slot) throw new Error(`prose: unknown slot {${key}}`);
      return slot(d);
    });
  }
  return s;
}

/** First words that can be lower-cased after a connective ("Also, the ..."). */
const LOWERABLE = new Set(
  words(`He She They The It It's There There's This That That's We We've We'll You You'll You're You've Your My Our
  Most If Every Nobody Some Several A Once Everything Nothing Half Both One Those These Maybe Perhaps
  Here Here's What Whatever When Where Why How Is Does Do Did Could Can Would Should Please Thanks Let
  Make Try Check Take Turn Bring Keep Call Send Have Parking Children Members Tickets Prices Residents
  Critics Officials Local Last Next Ten Swapping`),
);
/** First words that stay capitalised after a connective: "I" and proper names. */
const PROPER = new Set([
  ...words(`I I'm I've I'd I'll`),
  ...MEN,
  ...WOMEN,
  ...TOWNS,
  ...DAYS,
  ...MONTHS,
  ...CITIES.map((c) => c.split(' ')[0] ?? c),
]);

/** "Also, " + sentence, lower-casing its first word where English would; dropped where it cannot tell. */
function connect(prefix: string, s: string): string {
  if (!prefix) return s;
  const first = (s.split(' ')[0] ?? '').replace(/[,;:]$/, '');
  if (LOWERABLE.has(first)) return prefix + lowerFirst(s);
  return PROPER.has(first) ? prefix + s : s;
}

/** One filled sentence from templates not yet used in this document ('' once the pool is spent). */
function sentence(d: Doc, pool: readonly string[], prefixes: readonly string[] = ['']): string {
  const t = take(d, pool);
  return t === undefined ? '' : connect(d.g.pick(prefixes), cap(article(tidy(fill(d, t)))));
}

function paragraph(
  d: Doc,
  pool: readonly string[],
  range: readonly [number, number],
  prefixes?: readonly string[],
): string {
  const n = int(d.g, range[0], range[1]);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const s = sentence(d, pool, i === 0 ? [''] : prefixes);
    if (s) out.push(s);
  }
  return out.join(' ');
}

/** Hard-wraps text at about width columns, as mail clients do. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Adds paragraphs until the target length, never far past 4,000 chars (see gen.ts). */
const grow = (blocks: string[], target: number, next: () => string): void =>
  growBlocks(blocks, target, next, { rounds: 60, minChars: 600, maxChars: 4000 });

// ---------------------------------------------------------------- e-mail
const CHAT_PREFIXES = [
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  'Also, ',
  'Anyway, ',
  'Still, ',
  'Of course, ',
  'In any case, ',
  'Then again, ',
  'As it happens, ',
  'Incidentally, ',
  'Oh, and ',
  'To be fair, ',
  'On the other hand, ',
  'FWIW, ',
  'Mind you, ',
];

const OPINION = [
  'I think that {thing} is {adj} enough for most people, but it is not what I would have chosen.',
  'It seems to me that the real problem is {thing}, not {thing}.',
  "To be honest, I don't see why anyone would want to change {thing} at this point.",
  'I agree with {writer} that {thing} has been {adj} for a while, although I would put it differently.',
  "That's a fair point, and I hadn't thought about {thing} in those terms.",
  "I'm not sure I follow. Are you saying that {thing} was never {adj} in the first place?",
  'For what it is worth, we had the same experience with {thing} last {season}.',
  'My guess is that most of the people on this list have never even looked at {thing}.',
  'Personally I would wait until {day} before doing anything about {thing}.',
  'If I remember correctly, {name} said something similar about {thing} a couple of years ago.',
  "I was going to say the same thing, so I'll just add that {thing} is still {adj}.",
  "Either way, it's worth keeping an eye on {thing}.",
  "There's no point arguing about {thing} until we know what it costs.",
  "I don't think that's quite right, but I see where you're coming from.",
  'The thing is, {thing} was never meant to do all of this.',
  "Maybe I'm missing something, but isn't that exactly what {thing} is for?",
  "It's {adj}, sure, but it's also the only option we have right now.",
  'Thanks for the detailed reply, that clears up most of my questions.',
  "Just to be clear, I'm not against {thing}; I just think it needs more work.",
  'Funny you should mention {thing}, because I was reading about it only this morning.',
  "I've been on this list for {numw} years and this comes up every {season}.",
  'Has anyone else seen this, or is it just me?',
  'You may well be right, but I would want to see the numbers first.',
  'Good question. I honestly have no idea.',
  'We went through all of this in {recent}, and the answer then was that {thing} would be fine.',
];

const TECH_MAIL = [
  "I upgraded to {soft} last night and now {tech} won't start.",
  'The log just says {err} and nothing else.',
  'Have you checked the permissions on {file}?',
  'You need to run {cmd} as root, otherwise it fails quietly.',
  'I had the same problem with {soft}; in the end it was a typo in {file}.',
  'Try {cmd} and see what it prints.',
  "There's a patch for this at {url}, but it hasn't been merged yet.",
  'It works fine on my machine with {soft}, so I suspect something in your setup.',
  "The FAQ at {url} covers most of this, although it's a bit out of date.",
  'I rebuilt {tech} from source with {soft} and the error went away.',
  'Does it happen every time, or only after {tech} has been running for a while?',
  'Could you send the output of {cmd} to the list? That would help a lot.',
  'As far as I know, {soft} changed the default location of {file}.',
  "Make sure you restart {tech} after editing {file}, or the change won't take effect.",
  "I've filed a bug report, see {url} for the details.",
  'If you comment out the last line of {file}, it should boot normally.',
  "We've been running {soft} on {numw} machines since {month} without any trouble.",
  'The problem is that {tech} tries to read {file} before the network is up.',
  'Last time I checked, the mirror at {url} still had the older version.',
  'It took me most of the afternoon to track it down, so hopefully this saves you some time.',
  'You can also raise the timeout to {num} seconds, which made a big difference here.',
  'I get {err} when I run {cmd}, even though the disk has plenty of space.',
  'Sounds like {tech} is misconfigured rather than broken.',
  'Please keep the discussion on the list so that others can find it in the archive later.',
  'The old version of {tech} used to handle this automatically.',
  'Which version of the kernel are you using, and did you install it from the RPM or from source?',
  'My understanding is that {tech} was rewritten for the last release, which would explain a lot.',
  'After the upgrade, {tech} refused to talk to anything on the local network.',
  'Swapping the cable fixed it, believe it or not.',
  "I'd be careful with that, because it also changes how {tech} handles mail for local users.",
  "Here's the relevant part of my config, in case it helps.",
  'Even with the patch applied, the build still fails on my machine.',
  'Your best bet is probably to ask on the developers list, since the people who wrote it read that one.',
  "It's working now, thanks to everyone who replied.",
  'Check your firewall settings first; that catches most people out.',
  'Most distributions ship their own version of {file}, which is part of the problem.',
  'The documentation for {soft} says one thing and the code does another.',
  'I think the message means exactly what it says: the disk is full, and the log files are the reason.',
  'There were {num} messages in the queue this morning, all of them stuck.',
  'That was the first thing I tried, and it made no difference.',
];

const WORK_MAIL = [
  'Please send the draft of the {work} by {day} so that {B} has time to look at it.',
  "I've attached the latest version of the {work}; the changes are on pages {num} and {num}.",
  'The meeting with {org2} has been moved to {day} at {clock}.',
  "Let me know if you can make it, otherwise we'll find another slot.",
  "We're still waiting for the {work} from the supplier in {city2}.",
  'The numbers for the last quarter look better than we expected, up about {pct} on the year.',
  'Could you check whether the {work} was signed before the end of {month}?',
  'I spoke to {Bfull} this morning and {bhe} is happy with the plan.',
  'The budget for the {work} is tight, so please keep the travel costs down.',
  'Call me when you land and we can go through the figures.',
  'Thanks for pulling this together so quickly.',
  "I'll be out of the office from {day} until the {nth} of {month}.",
  "If anything urgent comes up, {B} can handle it while I'm away.",
  'The printer on the third floor is broken again, so use the one by the kitchen.',
  'We need at least {numw} volunteers for the stand at the trade fair.',
  "The client in {city2} asked for a revised quote, which I've put together below.",
  "I'm not sure the timeline is realistic, given that half the team is on leave in {month}.",
  'Can we keep this between us until the announcement on {day}?',
  'Parking will be limited on {day} because of the building works.',
  'Please send in your expense claims before the end of the month, otherwise they will be paid in {month}.',
  'The new starter joins us on {day}; please make {bhim} welcome.',
  "I've booked the room for two hours, which should be plenty.",
  "Sorry for the slow reply, it's been a busy week.",
  'We lost about {num} orders last week because the website was down.',
  'Have a look at the figures and tell me if anything looks wrong.',
  'I think we should push the launch back by a fortnight rather than rush it.',
  'Could someone from your team join the call on {day}? It should take about half an hour.',
  "Here's a quick summary of where we are with the {work}.",
  'The engineers say their part of the work will be finished by {day}.',
  "I've copied {B} in, as {bhe} has the numbers from last year.",
  'Can you have a look at the second half of the {work}? I think some of the figures are out of date.',
  'Our office in {city2} has asked for the same thing, so it may be worth doing once for both of them.',
  'The new version of the {work} is on the shared drive, in the folder for this year.',
  "We're now about two weeks behind, mostly because of the delay with the supplier.",
  'If you need anything from me before then, just let me know.',
  'Even a rough estimate would help at this stage.',
];

const CLUB_MAIL = [
  'The walk on {day} starts from the car park behind the {building} at {clock}.',
  "Bring waterproofs and something to eat, as there's nowhere to buy lunch on the route.",
  'Thanks to everyone who helped with the {event}; we raised {money} for the roof fund.',
  'Rehearsal this week is in the church hall instead of the school, because of the exams.',
  "If you still have any of the folding chairs, please bring them back to {B}'s garage.",
  'The allotment committee meets on the first {day} of every month.',
  'Several people have asked about the {event}, so here are the details.',
  'Children under {num} go free, and there will be tea and cakes in the interval.',
  'Could whoever borrowed the big kettle let me know?',
  'The water on the lower plots will be turned off from {month} until the frost is over.',
  'We are still looking for someone to take over the newsletter.',
  'Tickets are {money} each and can be bought at the door or from {B}.',
  "The minibus leaves at {clock}, so please don't be late.",
  "There's a lost umbrella and a blue scarf in the cupboard by the stage.",
  'It was lovely to see so many new faces at the last meeting.',
  "The path along {river} is flooded near the old mill, so we'll take the upper lane instead.",
  'Membership fees for next year stay the same, {money} for adults.',
  "Don't forget to bring your own cup.",
  'The tenors are still a little thin, so if you know anyone who sings, bring them along.',
  'We have booked the hall on {street} for the {event} on {day} the {nth}.',
  'Please let {B} know by {day} if you want a place on the coach.',
  'The seed order has arrived and can be collected from the shed on Saturday morning.',
  'Thank you all for a wonderful season.',
  'Members who have not yet paid their fees can do so at the next meeting.',
  'The children had a great time and several of their parents have asked when the next one is.',
  'Here is the rota for the tea urn; please swap among yourselves if your date does not suit.',
  "If you can't make it, let {B} know so that we're not waiting for you at the station.",
  'We now have {num} members, which is more than we have ever had.',
  'The new key for the hall is with {B}, who lives at the end of {street}.',
];

const DEBATE_MAIL = [
  'The article claims that unemployment fell by {pct}, but that figure includes part-time jobs.',
  "I don't think the government has any real plan for {civic}.",
  'It seems to me that both parties are saying the same thing about {civic} in different words.',
  'When I was growing up in {city2}, {civic} were paid for out of local taxes and nobody complained.',
  'The report from {org2} says that spending on {civic} has risen every year since {recent}.',
  "You can't blame the teachers for that; the money simply isn't there.",
  'Interest rates were {pct} when we bought our house, and we thought that was normal.',
  'Whatever you think of the mayor, the new {trans} has made a difference to the east side of town.',
  'The question is who pays for it, and the answer is always the same people.',
  'I read the whole bill last night, and most of it is about {civic}, not taxes.',
  'Most economists I have read think the slowdown will last at least another two years.',
  "That's exactly the kind of argument that got us into this mess.",
  'My brother works in a factory outside {city2}, and he says orders have halved since {month}.',
  'Nobody voted for this, as far as I can tell.',
  "There's a good piece on this at {url}, if anyone wants the numbers.",
  'Prices in the shops have gone up far more than the official figures suggest.',
  'We tried the same thing in the nineties and it made no difference at all.',
  'If the figures are right, the scheme pays for itself within {numw} years.',
  'I would rather see the money go to {civic} than to another consultants’ report.',
  'People here have seen their wages stand still for ten years while the rents have doubled.',
  'None of the figures in that article were new, by the way.',
  'Even the government’s own advisers have said the plan will not work as it stands.',
  "I'm old enough to remember the last time they promised this, and the time before that.",
];

const FAMILY_MAIL = [
  'Thank you so much for the parcel, which arrived on {day} in perfect condition.',
  'The children are well, and {A} has started at the new school and seems to like it.',
  'We finally got the kitchen finished, only three months later than the builder promised.',
  'Mum sends her love and says you are to ring her on Sunday.',
  'The garden is a mess after the storm, but nothing that a weekend of work will not fix.',
  'We are thinking of coming up to {city} at Easter, if that suits you.',
  "I'm sorry it has taken me so long to write; it has been one thing after another here.",
  'Dad is much better now, and the doctor is pleased with him.',
  'The dog has taken to sleeping on the landing, right where everyone trips over him.',
  'It was lovely to hear your news, and congratulations to you both.',
  "We saw your cousin at the market last week; she's moved back to {town} and is working at the {building}.",
  'The weather here has been dreadful, rain every day since the {nth}.',
  'Give my love to everyone, and tell {name} I still have the book I borrowed.',
  'Our neighbours have put their house up for sale, so we may have new people next door by the summer.',
  "Let me know when you're free and we'll find a date.",
  "I've enclosed a few photos from the wedding; the best ones are still with {B}.",
  'Now that the evenings are longer we have been walking along the {land} after supper.',
  'We were sorry to hear about your job, but I am sure something better will come along.',
  'Write when you can, even if it is only a few lines.',
];

const THINGS: Record<string, readonly string[]> = {
  tech: [
    'the new release',
    'the default config',
    'the spam filter',
    'the mailing list',
    'the upgrade path',
    'the kernel',
    'the documentation',
    'the old driver',
    'the installer',
  ],
  work: [
    'the budget',
    'the new rota',
    'the office move',
    'the quarterly report',
    'the pricing',
    'the hiring plan',
    'the contract',
  ],
  club: [
    'the new timetable',
    'the summer fair',
    'the membership fee',
    'the hall',
    'the newsletter',
    'the coach trip',
    'the route',
  ],
  family: [
    'the trip',
    'the kitchen',
    'the garden',
    'the new house',
    'the wedding',
    'the move',
    'the weather',
  ],
  debate: [
    'the tax plan',
    'the budget',
    'the new bypass',
    'the pension reform',
    'the housing scheme',
    'the council',
    'the election',
  ],
};

const MAIL_POOLS: Record<string, readonly string[]> = {
  tech: TECH_MAIL,
  work: WORK_MAIL,
  club: CLUB_MAIL,
  debate: DEBATE_MAIL,
  family: FAMILY_MAIL,
};

const SHORT_DAYS = words('Mon Tue Wed Thu Fri Sat Sun');
const SHORT_MONTHS = words('Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec');

function attribution(d: Doc): string {
  const g = d.g;
  const day = g.pick(SHORT_DAYS);
  const n = int(g, 1, 28);
  const mon = g.pick(SHORT_MONTHS);
  const year = int(g, 1997, 2024);
  const who = full(d.writer);
  const time = `${String(int(g, 0, 23)).padStart(2, '0')}:${String(int(g, 0, 59)).padStart(2, '0')}`;
  return g.pick([
    `On ${day}, ${n} ${mon} ${year}, ${who} wrote:`,
    `On ${day}, ${mon} ${String(n).padStart(2, '0')}, ${year} at ${time}, ${who} wrote:`,
    `--- ${who} <${email(d.writer, g)}> wrote:`,
    `Quoting ${who} <${email(d.writer, g)}>:`,
    `${d.writer.first} said:`,
    `In message <${int(g, 1000, 99999)}.${year}@${g.pick(['example.org', 'example.net'])}>, ${who} writes:`,
    `${who} wrote:`,
  ]);
}

function quoteBlock(d: Doc, pool: readonly string[], nested: boolean): string {
  const lines = [attribution(d)];
  const text = paragraph(d, pool, [1, 4]);
  if (!text) return '';
  lines.push(...wrap(text, int(d.g, 62, 74)).map((l) => `> ${l}`));
  const earlier = nested && d.g.random() < 0.25 ? sentence(d, OPINION) : '';
  if (earlier) lines.push('>', ...wrap(earlier, 70).map((l) => `>> ${l}`));
  return lines.join('\n');
}

function forwarded(d: Doc): string {
  const g = d.g;
  const topic = g.pick(Object.values(NEWS));
  const head = g.pick([
    `----- Forwarded message from ${full(d.writer)} <${email(d.writer, g)}> -----`,
    `Saw this on the news this morning: ${fill(d, '{url}')}`,
    'From the local paper, for those who missed it:',
    fill(d, 'URL: {url}'),
  ]);
  const body = paragraph(d, [...topic.body, ...NEWS_GENERAL], [2, 3]);
  return [head, '', cap(fill(d, g.pick(topic.heads))), '', body].join('\n');
}

function signature(d: Doc, family: boolean): string {
  const g = d.g;
  const me = d.me;
  if (family)
    return `${g.pick(['Love,', 'Lots of love,', 'All our love,', 'Take care,', 'Much love,'])}\n${me.first}`;
  const signoff = g.pick([
    'Cheers,',
    'Thanks,',
    'Regards,',
    'Best,',
    'Best wishes,',
    'All the best,',
    'Thanks in advance,',
    'Hope this helps,',
    'Talk soon,',
    'Kind regards,',
    'Later,',
    '',
  ]);
  const sig = g.pick([
    me.first,
    `${me.first}\n\n-- \n${full(me)} <${email(me, g)}>\n${fill(d, '{url}')}`,
    `${full(me)}\n${g.pick(['Systems group', 'Accounts', 'Facilities', 'Sales', 'Research office'])}, ${cap(d.org.replace(/^the /, ''))}`,
    `${me.first}\n\n--\n${full(me)}, ${d.city}\n"${g.pick(['Measure twice, cut once.', 'Slow and steady.', 'Back up your data.', 'Mind the gap.'])}"`,
    `${me.first}\nSent from my phone, please excuse the typos`,
    `${full(me)}\nTel: +1 555 01${int(g, 10, 99)}`,
  ]);
  return signoff ? `${signoff}\n${sig}` : sig;
}

function mail(d: Doc, target: number): string {
  const g = d.g;
  const kind = g.pick(['tech', 'tech', 'work', 'club', 'debate', 'family']);
  const pool = MAIL_POOLS[kind] ?? TECH_MAIL;
  d.things = THINGS[kind] ?? THINGS['tech']!;
  const mixed = kind === 'family' ? pool : [...pool, ...pool, ...OPINION];
  const blocks: string[] = [];
  const greeting =
    kind === 'family'
      ? g.pick([`Dear ${d.b.first},`, 'Dear all,', `Hi ${d.b.first},`, 'Hello both,', ''])
      : g.pick([
          '',
          '',
          '',
          `Hi ${d.b.first},`,
          'Hi all,',
          'Hello everyone,',
          `${d.b.first},`,
          'Folks,',
          `Dear ${d.b.first},`,
          'Morning all,',
          'Hi,',
        ]);
  if (greeting) blocks.push(greeting);
  const nested = kind !== 'family';
  if (g.random() < 0.6) blocks.push(quoteBlock(d, pool, nested));
  let forwardedOnce = false;
  grow(blocks, target, () => {
    const r = g.random();
    if (r < 0.18) return quoteBlock(d, pool, nested);
    if (r < 0.24 && !forwardedOnce) {
      forwardedOnce = true;
      return forwarded(d);
    }
    if (r < 0.29 && kind === 'tech') {
      const intro = g.pick(['This is what I get:', 'Here is the output:', 'Same here:', 'From the log:']);
      return `${intro}\n\n  $ ${fill(d, '{cmd}')}\n  ${fill(d, '{err}').replace(/"/g, '')}`;
    }
    return paragraph(d, mixed, [1, 4], CHAT_PREFIXES);
  });
  blocks.push(signature(d, kind === 'family'));
  return blocks.join('\n\n');
}

// ---------------------------------------------------------------- news
interface NewsTopic {
  heads: readonly string[];
  body: readonly string[];
}

const NEWS: Record<string, NewsTopic> = {
  transport: {
    heads: [
      '{city} council approves plan for new {trans}',
      'Rail fares to rise by {pct} in {month}',
      'Harbour repairs delayed until spring',
      'Work on {trans} to start after years of delay',
    ],
    body: [
      'The project is expected to cost about {cost} and take {numw} years to complete.',
      'Officials said the work would begin in {month} and that traffic would be diverted through the town centre.',
      'The plan was first proposed in {recent} but was shelved after the elections.',
      'Commuters have complained for years about delays on the line, which carries {bignum} passengers a week.',
      'The old bridge, built in {year}, was closed to lorries last {season} after engineers found cracks in its supports.',
      'The rail operator said the increase was needed to pay for new trains and longer platforms.',
      'Drivers will have to use a diversion of about {num} miles while the road is closed.',
      'Passengers said that their journeys had become longer and less reliable over the past year.',
      'The new timetable adds {numw} trains an hour at the busiest times of the day.',
      'Engineers found that the foundations of the old structure were in worse condition than expected.',
    ],
  },
  economy: {
    heads: [
      'Factory in {city} to cut {num} jobs',
      'Shop prices rise at fastest rate for {numw} years',
      '{city} firms report strong quarter despite higher costs',
      'Bank holds interest rates at {pct}',
    ],
    body: [
      'Shares in the company fell {pct} in early trading.',
      'The figures were slightly better than analysts had predicted.',
      '{full}, the chairman of {org2}, said the company had no choice but to reduce costs.',
      'The union said its members had been offered a rise of {pct} over two years.',
      'Retail sales fell for the {ordinal} month in a row, according to the statistics office.',
      'Economists said that higher energy prices were the main cause of the slowdown.',
      'The company, which was founded in {year}, employs about {bignum} people worldwide.',
      'Workers at the plant were told of the decision at a meeting on {day} morning.',
      'The closure is a blow to a town where the factory has been the largest employer for decades.',
      'Unemployment in the region is now {pct}, above the national average.',
      'Many small businesses said their energy bills had doubled in a year.',
    ],
  },
  weather: {
    heads: [
      'Floods close roads across {region} as rivers burst their banks',
      'Heavy snow causes delays at {city} airport',
      'Farmers warn of poor harvest after dry summer',
      'Storm brings down trees and power lines in {region}',
    ],
    body: [
      'Emergency crews worked through the night to clear fallen trees from the roads.',
      'The weather service warned that more rain was likely over the weekend.',
      'Several schools in {region} were closed on {day}, and bus services were suspended.',
      'Water levels in {river} reached their highest point since {year}.',
      'Some farmers said they had lost more than half of their crop to the drought.',
      'About {bignum} homes were left without electricity for several hours.',
      'Residents said their homes had been flooded twice in the past {numw} years.',
      'Forecasters said temperatures would fall well below freezing overnight.',
      'Volunteers handed out sandbags outside the fire station on {street}.',
      'The rainfall in {month} was the heaviest since records began.',
    ],
  },
  health: {
    heads: [
      'Hospital waiting lists fall for the first time in {numw} years',
      'New clinic opens in {town}',
      'Nurses to receive pay rise of {pct}',
      'Study finds walking to work cuts sick days',
    ],
    body: [
      'The average wait for a routine operation fell to {num} weeks, according to the figures.',
      'The clinic will offer appointments in the evenings and on Saturday mornings.',
      '"Our staff have worked incredibly hard, and these numbers show it," said {full}, the chief executive of {org2}.',
      'Scientists at {university} said the results would need to be confirmed by larger studies.',
      'The health board said it would recruit {num} more nurses by the end of the year.',
      'Patients in rural areas have often had to travel more than an hour for an appointment.',
      'The number of people waiting more than a year for treatment has halved since {month}.',
      'Doctors welcomed the news but said that many of their colleagues were close to exhaustion.',
    ],
  },
  schools: {
    heads: [
      'Teachers vote to accept pay offer',
      'Library to open on Sundays after petition',
      '{school} to get new science building',
      'Exam results improve for {ordinal} year running',
    ],
    body: [
      'The petition, signed by more than {bignum} residents, was handed to the council in {month}.',
      'Head teacher {full} said the new building would replace classrooms that had been in use since {since}.',
      'Parents had campaigned for years for the school to be rebuilt.',
      'The proportion of pupils gaining top grades rose to {pct}.',
      'The union said the offer was not perfect but was the best that could be achieved.',
      'Parents said their children had waited months for a place at the school.',
      'The building will include six laboratories, a library and a sports hall.',
      'Teachers at {school} were told of the plans at a staff meeting last week.',
    ],
  },
  culture: {
    heads: [
      'Record numbers visit {town} summer festival',
      '{city} wins bid to host regional games',
      'Museum reopens after three-year restoration',
      'Lost painting returns to {town} after {numw} decades',
    ],
    body: [
      'Last year the festival attracted more than {bignum} visitors.',
      'The museum, housed in a former {building}, holds a collection of maps, tools and photographs.',
      'Organisers said hotels in the area had been fully booked for weeks.',
      'The painting was found in an attic in {city2} and was identified by an expert from {university}.',
      'The restoration cost {cost}, most of it raised from local donations.',
      'The programme this year includes more than {num} concerts, as well as talks, walks and a children’s fair.',
      'Volunteers spent more than two years cleaning and cataloguing the collection.',
      'Tickets for the opening weekend sold out within hours.',
    ],
  },
  housing: {
    heads: [
      'Rents in {city} rise by {pct} in a year',
      '{numw} hundred new homes planned for land near {town}',
      'Tenants win fight over repairs',
    ],
    body: [
      'The average rent for a two-bedroom flat is now {money} a week, according to the survey.',
      'The site, a former {building}, has been empty since {recent}.',
      'Tenants said they had complained about damp and broken heating for more than two years.',
      'About a third of the new homes will be offered at below market rents.',
      'Neighbours have raised concerns about traffic and the loss of green space.',
      'Young people who grew up in the area say they can no longer afford to live there.',
    ],
  },
  environment: {
    heads: [
      'Otters return to {river} after forty years',
      'Volunteers plant {bignum} trees along {river}',
      'Water quality in local rivers improves, report says',
    ],
    body: [
      'The river was once one of the most polluted in the country.',
      'Anglers were the first to notice the change, the report says.',
      'The trees, mostly oak, alder and willow, will help to slow flood water and shade the river.',
      'Scientists said that the improvement was the result of decades of work by farmers and water companies.',
      'Birdwatchers have recorded {num} species on the new wetland since it opened in {month}.',
    ],
  },
  sport: {
    heads: [
      '{town} through to the cup final after late goal',
      'Local runner wins {city} marathon at first attempt',
      'Rain stops play on the final day',
    ],
    body: [
      'The goal came with only {numw} minutes left to play.',
      'More than {bignum} supporters are expected to travel to the final.',
      'The manager said he was proud of the way his players had kept going.',
      'She finished the course in two hours and {num} minutes, more than a minute ahead of her nearest rival.',
      'Play was abandoned shortly after lunch, with the home side needing {num} runs to win.',
      'The club, which was founded in {year}, has never reached a final before.',
    ],
  },
};

const NEWS_GENERAL = [
  'The decision was announced on {day} after a meeting that lasted more than {numw} hours.',
  '"We have listened to the concerns of residents and we believe this is the right plan," said {spokes} for {org}.',
  'According to figures released by {org2}, the number rose by {pct} last year.',
  'Residents who spoke to reporters were divided.',
  '"It\'s been a long time coming," said {full}, {age}, who has lived in the area since {since}.',
  'Critics argue that the money would be better spent on {civic}.',
  'The council will hold a public meeting at the town hall on {day} evening.',
  'A report published last month found that {pct} of households in the region had no access to {service}.',
  'The minister is expected to visit {city} later this week.',
  '"Nobody expected the numbers to be this high," {full} told reporters.',
  'In a statement, {org} said it was reviewing the findings and would respond in due course.',
  'It is the {ordinal} time since {recent} that this has happened.',
  'Neither side would comment on the talks, which are due to resume on {day}.',
  'The mayor, {full}, called the result "a good day for the whole city".',
  'Local business owners said they welcomed the news but wanted more detail.',
  'Opposition members said the plan came too late and offered too little.',
  '"We will keep people informed every step of the way," said {full}, who leads the project.',
  'Details of the plan are expected to be published in {month}.',
  'The figure is roughly double what it was in {recent}.',
  'A spokeswoman for {org2} said it had not been consulted.',
  'The announcement was welcomed by residents, many of whom had campaigned for years.',
  'It is not yet clear how the plan will be paid for.',
  'Three people were taken to hospital with minor injuries, the ambulance service said.',
  'The streets around the square were closed for most of the day.',
  'Officials have been asked to report back to the committee by the end of {month}.',
  '"This has been a difficult year for everyone, and we are grateful for the patience people have shown," {full} said.',
  'The changes will come into force on the {nth} of {month}.',
  'Some of the figures were disputed by {org2}, which said they did not include the most recent data.',
  'A final decision is expected early next year.',
  'The scheme was the subject of a public consultation last {season}, which drew more than {numw} hundred responses.',
];

function news(d: Doc, target: number): string {
  const g = d.g;
  const topic = g.pick(Object.values(NEWS));
  const pool = [...topic.body, ...topic.body, ...NEWS_GENERAL];
  const blocks: string[] = [cap(fill(d, g.pick(topic.heads)))];
  blocks.push(
    g.pick([
      `By ${full(d.a)}`,
      `By ${full(d.a)}\n${g.pick(['Staff Reporter', 'Political Correspondent', 'Business Editor', 'Transport Correspondent'])}`,
      `By ${full(d.a)} and ${full(d.b)}`,
      `${full(d.a)}, ${d.city}`,
    ]),
  );
  const dateline = g.pick([
    `${d.city.toUpperCase()} -`,
    `${d.city.toUpperCase()}, ${g.pick(MONTHS)} ${int(g, 1, 28)} -`,
    `${d.city}, ${g.pick(DAYS)} -`,
  ]);
  blocks.push(`${dateline} ${sentence(d, topic.body)} ${sentence(d, pool)}`);
  grow(blocks, target, () => paragraph(d, pool, [1, 3]));
  if (g.random() < 0.3) blocks.push(fill(d, `Additional reporting by {full} in {city2}.`));
  return blocks.join('\n\n');
}

// ---------------------------------------------------------------- fiction
const NARRATION = [
  'The rain had not stopped since morning, and the {land} beyond the window was grey and empty.',
  '{A} walked down to the {land} with {his} hands in {his} pockets.',
  'By the time {he} reached the {land}, the light was already going.',
  '{A} had not been back to {town} for {numw} years, and everything looked smaller than {he} remembered.',
  'There was a smell of {smell} in the {room}, and somewhere a radio was playing.',
  '{B} was sitting at the kitchen table with a {object} in front of {bhim}.',
  '{A} stood in the doorway for a long moment, not sure whether to go in.',
  'Outside, {weather} moved across the {land}.',
  '{He} thought about the letter {he} had never sent, and about {his} {relative}, who had moved to {city2} the year before.',
  'The house was quiet except for the ticking of the clock in the hall.',
  '{A} picked up the {object} and turned it over in {his} hands.',
  'Every evening that summer they walked along the {land} as far as the old {building}.',
  'It was nearly midnight when the {vehicle} finally stopped outside the {building}.',
  '{He} could hear {B} moving about in the {room} upstairs.',
  'The {building} at the end of {street} had been empty for as long as anyone could remember.',
  '{A} had always been {adjperson}, even as a child.',
  'Nobody in {town} talked about what had happened that winter.',
  '{He} made a pot of tea and sat down by the {home} to wait.',
  'Far below, the lights of the harbour were coming on one by one.',
  '{B} laughed, and for a moment {bhe} looked just as {bhe} had at twenty.',
  'The next morning {A} woke early and lay listening to the {sound}.',
  'It was the kind of {season} day when the whole {land} seemed to hold its breath.',
  '{He} folded the map and put it back in {his} coat.',
  'They did not speak again until they reached the {land}.',
  '{A} noticed that {his} hands were cold, and {he} pushed them deeper into {his} pockets.',
  'The {relative} who ran the {building} had known {him} since {he} was a boy, or so {he} liked to say.',
  'On the far side of the {land} a tractor was turning slowly at the end of a furrow.',
  '{B} had set out two cups, as if {bhe} had known {he} would come.',
  'Nothing in the {room} had changed: the same {home}, the same faded curtains, the same {object} on the shelf.',
  'The letter had been written in pencil, and some of the words had been rubbed out.',
  'It was {B} who broke the silence in the end.',
  'From the {land} they could see the whole of {town}, the church, the station and the {adj} roofs of the new estate.',
  '{A} was {adv} aware that {he} had said too much.',
  'Somewhere down the lane a gate banged in the wind.',
  'The neighbours had left their lights on, and the lane was bright with them.',
  'They ate their supper in silence, listening to the wind.',
  'The windows were open, and the curtains moved a little in the warm air.',
  'The streets were quiet, and most of the shops had already closed for the night.',
  'Even now, after all these years, {he} could not pass the {building} without looking up at the windows.',
  'Here and there along the {land}, the first snowdrops were coming through.',
  'Nobody had told {him} that the {building} had been sold.',
  '{B} put down {bhis} cup and looked at {him} properly for the first time.',
  'The children from the farm were playing in the {land}, their voices carrying a long way in the still air.',
  '{A} went up to the {room} and sat on the edge of the bed for a long time.',
];

const FIRST_PERSON = [
  'I had never seen the {land} so still.',
  'My {relative} used to bring me here when I was small, and I could still find the way without thinking.',
  'I remember the {season} we moved to {town} better than almost anything else.',
  'That was the year I started working at the {building} on {street}.',
  "I didn't tell anyone where I was going, not even {B}.",
  "It's strange what you remember. I can still see the {object} on the {home}, but I can't picture {bhis} face any more.",
  'I waited by the {land} until it was too dark to read.',
  'When I got home, {B} was already asleep on the sofa.',
  'I have thought about that evening many times since.',
  "We had very little money then, but I don't remember minding.",
  'I walked for an hour without really knowing where I was going.',
  'It was {B} who found the {object}, tucked behind the {home}.',
  "I should have said something, but I didn't.",
  'I was {numw} that summer and thought I knew everything.',
  'Even now, the smell of {smell} takes me straight back to that kitchen.',
  'I knocked twice, and when nobody answered I let myself in.',
  'My hands were cold, and I remember thinking that I should have brought gloves.',
  'I could see the lights of {town} from the top of the hill.',
  'I had been told that the {building} was closed for the winter, but the door was open.',
  "I'm not sure why I kept it all these years.",
  'My {relative} was {ajob}, and never let any of us forget it.',
  'The first time I saw {B}, {bhe} was standing on a chair in the {room}, trying to fix the {home}.',
  'We took the {vehicle} as far as {town2} and walked the rest of the way.',
  'It rained every day that week, and I was happy.',
  'My parents kept their savings in a tin under the stairs, and everyone in the street knew it.',
  'I remember that the windows were always steamed up and the radio was always on.',
  'Here, I thought, is a place where nothing much has changed in a hundred years.',
  'I have never been good at goodbyes, and that one was worse than most.',
];

const DIALOGUE = [
  "I thought you'd gone to {city2}.",
  "You'll catch your death standing out there.",
  'Where did you put the keys?',
  "It's been a long time, {A}.",
  "Don't wait up for me.",
  "The ferry won't wait, you know.",
  'I never liked this house in winter.',
  'Your mother used to say the same thing.',
  'Have you eaten anything today?',
  'We should go before the tide turns.',
  "I'm not angry, I'm just tired.",
  'Do you remember the summer we spent at {town2}?',
  "There's bread in the cupboard if you want it.",
  "I'll be back before dark.",
  'Is that really all he said?',
  'Call me when you get there.',
  'You were right about the roof.',
  "It's only a bit of rain.",
  "I didn't know you could play the piano.",
  'Take the lane past the church and turn left after the bridge.',
  'Nobody has lived here for years.',
  'I kept every one of your letters.',
  'What time does the last bus leave?',
  "We'll have to tell them sooner or later.",
  'Sit down, the kettle has just boiled.',
  "You haven't changed at all.",
  'Who told you that?',
  "It doesn't matter now.",
  'Mind the step, it has been loose for years.',
  'Did you bring the {object}?',
];

const SPEAKER_BEATS = [
  'without looking up',
  'pulling on {his} coat',
  'and went back to the dishes',
  'after a pause',
  'quietly',
  'with a half smile',
  'and closed the door behind {him}',
  'wiping {his} hands on a towel',
  '',
  '',
  '',
];

function dialogue(d: Doc, firstPerson: boolean): string {
  const g = d.g;
  const first = take(d, DIALOGUE);
  if (first === undefined) return '';
  const line = cap(fill(d, first));
  const question = line.endsWith('?');
  const lead = question ? line : line.replace(/\.$/, ',');
  const speakers = firstPerson ? ['I', d.b.first, d.b.he] : [d.a.first, d.a.he, d.b.first, d.b.he];
  const who = g.pick(speakers);
  const verb = question
    ? g.pick(['asked', 'said', 'wanted to know'])
    : g.pick(['said', 'said', 'replied', 'called', 'whispered', 'muttered']);
  const beat = fill(d, g.pick(SPEAKER_BEATS));
  // "said Anna" but never "said I" or "said she".
  const tag = g.random() < 0.3 && who !== 'I' && /^[A-Z]/.test(who) ? `${verb} ${who}` : `${who} ${verb}`;
  let out = `"${lead}" ${tag}${beat ? `, ${beat}` : ''}.`;
  const second = g.random() < 0.4 ? take(d, DIALOGUE) : undefined;
  if (second !== undefined) out += ` "${cap(fill(d, second))}"`;
  if (g.random() < 0.3) out += ` ${sentence(d, firstPerson ? FIRST_PERSON : NARRATION)}`;
  return out;
}

const STORY_PREFIXES = [
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  'Later, ',
  'After a while, ',
  'That evening, ',
  'For a while, ',
  'In the morning, ',
  'Still, ',
  'Even so, ',
  'Afterwards, ',
  'At last, ',
];

function fiction(d: Doc, target: number): string {
  const g = d.g;
  const firstPerson = g.random() < 0.4;
  const pool = firstPerson ? [...FIRST_PERSON, ...FIRST_PERSON, ...NARRATION] : NARRATION;
  const blocks: string[] = [];
  const heading = g.pick([
    '',
    '',
    `Chapter ${int(g, 1, 30)}`,
    `CHAPTER ${g.pick(NUMBER_WORDS).toUpperCase()}`,
    g.pick(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII']),
  ]);
  if (heading) blocks.push(heading);
  blocks.push(paragraph(d, pool, [2, 5], STORY_PREFIXES));
  grow(blocks, target, () =>
    g.random() < 0.35 ? dialogue(d, firstPerson) : paragraph(d, pool, [2, 6], STORY_PREFIXES),
  );
  return blocks.join('\n\n');
}

// ---------------------------------------------------------------- speeches and op-eds
const SPEECH_OPEN = [
  'Thank you. Thank you very much, and good evening.',
  'My fellow citizens,',
  'Madam Speaker, members of the assembly, distinguished guests,',
  'Friends, neighbours, and everyone who came out tonight in this weather, thank you.',
  'Good morning, and thank you to the students and staff of {school} for having me.',
  'It is an honour to stand before you in {city} today.',
  'Thank you all for being here. Please, sit down.',
];
const SPEECH = [
  'We must build an economy that works for every family, not only for those at the top.',
  'Our nation has faced hard times before, and every time we have come through them together.',
  'My fellow citizens, the choice before us is not between growth and fairness.',
  'Why should a child in {town} have fewer chances than a child in {city}?',
  'Ten years ago this old {building} was empty. Today it employs {bignum} people.',
  'We will invest in {civ}, because {civ} are the foundation of everything else.',
  'I have met nurses who work two jobs and still cannot pay the rent.',
  'What kind of country do we want to leave to our children?',
  'The roads in this state have been neglected for far too long.',
  "Our schools need more teachers, smaller classes and buildings that don't leak when it rains.",
  'Some people say that we cannot afford it. I say we cannot afford to wait.',
  'History will not remember what we promised; it will remember what we did.',
  'In {year}, when my grandfather came to {city}, he had nothing but a suitcase and a trade.',
  'Let us be honest with one another about the cost.',
  'We have cut waiting times at our hospitals by {pct}, and we are not finished.',
  'Every one of you knows someone who has been left behind.',
  'Is it fair that a farmer who works from dawn to dusk cannot sell a crop for what it cost to grow?',
  'We owe it to those who came before us, and to those who will come after.',
  'This is not a problem for one party; it is a problem for all of us.',
  'Tonight I want to talk about three things: jobs, health, and the future of our towns.',
  'Our economy grew by {pct} last year, but wages barely moved.',
  'We will repair {numw} hundred bridges and thousands of miles of road over the next decade.',
  'Now is the time to act, not to wait for another report.',
  'I believe in this country, and I believe in you.',
  'We must remember the sacrifices that were made on these very streets.',
  'When the mill closed in {year}, people said this town was finished. They were wrong.',
  'Where will the next generation of {jobs} come from, if not from schools like this one?',
  'We are a nation of {jobs} and {jobs}, of shopkeepers and students, and we are stronger for it.',
  'I am asking you to hold me to every word of this.',
  'There are those who say the best days of our country are behind us. I have never believed that.',
  'Our history is not only a story of great men in great halls; it is the story of ordinary people who kept going.',
  'Families in this state want the same thing they have always wanted: a fair wage for their work and a good school for their children.',
  'Here in {city}, we know what hard work looks like.',
  'Even now, after everything this year has asked of us, I am hopeful.',
  'Your children deserve better, and so do you.',
  'The people of {town} have waited long enough for their new {trans}.',
  'We have done this before. Our parents built the railways, the hospitals and the schools that we still use today.',
  'Of all the things we share, our {civ} are among the most precious, and the most neglected.',
];
const SPEECH_CLOSE = [
  'Thank you, and good night.',
  'Thank you. God bless you all.',
  'Thank you all for coming.',
  'Let us get to work. Thank you.',
  'Thank you, and safe travels home.',
];

const ESSAY = [
  'Every few years someone proposes closing the branch library on {street}, and every few years the town rises up to defend it.',
  'I have lived in {city} for {numw} years, and I have never seen the {civic} in worse shape.',
  'The argument for the new {trans} rests on numbers that nobody outside the council has seen.',
  'It is tempting to blame the weather, but the truth is that we stopped maintaining the drains decades ago.',
  'Consider the case of a young teacher starting out today.',
  'None of this is new. In {year}, a committee reached almost exactly the same conclusion.',
  'We like to think of ourselves as a practical people, yet we keep making the same mistakes.',
  'The question is not whether we can afford to fix it, but how much more it will cost if we do not.',
  'There are good reasons to be cautious, and I share some of them.',
  'What would it take to change this? Less than you might think.',
  'If you have ever waited for a bus on {street} in the rain, you will know what I mean.',
  'The numbers tell only part of the story.',
  'My own view is that we should start small, with the schools that need it most.',
  'Some readers will disagree, and I hope they write in to say so.',
  'History offers a useful lesson here.',
  "It is worth remembering that the town's first hospital was paid for by public subscription.",
  'The honest answer is that nobody knows, and we should stop behaving as if we did.',
  'In the end, a city is only as good as its public spaces.',
  'Our grandparents built {civ} that lasted a century; we struggle to keep ours open for a decade.',
  'That, surely, is the point.',
  'The people who run {org} are not villains; they are simply working with the wrong incentives.',
  'We have been here before, and we know how it ends.',
  'I spoke to a dozen parents at the school gate last week, and every one of them said the same thing.',
  'The council has promised a review of its {civ}, but we have heard that before.',
  'Nobody doubts the good intentions of those involved, but good intentions do not fill potholes.',
  'Those of us who have lived here for most of our lives have watched the town change around us.',
];

function speech(d: Doc, target: number): string {
  const g = d.g;
  d.things = THINGS['debate']!;
  const blocks: string[] = [];
  if (g.random() < 0.6) {
    blocks.push(sentence(d, SPEECH_OPEN));
    grow(blocks, target, () =>
      paragraph(
        d,
        g.random() < 0.8 ? SPEECH : ESSAY,
        [2, 5],
        ['', '', '', '', '', '', 'And ', 'But ', 'So '],
      ),
    );
    blocks.push(g.pick(SPEECH_CLOSE));
  } else {
    blocks.push(
      cap(
        fill(
          d,
          g.pick([
            'Why {city} needs to rethink its {civic}',
            'The quiet crisis in our {civic}',
            'What the new {trans} will really cost',
            'In defence of the local library',
            'We can fix this, if we choose to',
          ]),
        ),
      ),
    );
    blocks.push(`By ${full(d.a)}`);
    grow(blocks, target, () => paragraph(d, g.random() < 0.75 ? ESSAY : SPEECH, [2, 5], CHAT_PREFIXES));
    if (g.random() < 0.5) blocks.push(fill(d, `${full(d.a)} is a retired {job} who lives in {town}.`));
  }
  return blocks.join('\n\n');
}

// ---------------------------------------------------------------- blogs, reviews, travel, recipes, minutes, how-tos, reference
const BLOG = [
  "So it's been a while since I posted anything here, mostly because work has been busy.",
  'I started {hobby} about {numw} years ago, mostly by accident.',
  "If you've ever tried {hobby}, you'll know that the first few weeks are the hardest.",
  "Honestly, I didn't expect much, but it turned out to be one of the best decisions I've made.",
  "Here's the thing nobody tells you: it's not about the equipment.",
  "My {relative} thinks I've gone a bit mad, and may well be right.",
  'Anyway, on {day} I finally got round to clearing out the {room}.',
  'The tomatoes are doing well this year, but the slugs have eaten nearly every lettuce.',
  "I'll post some photos once I've sorted them out.",
  "Let me know in the comments if you've had a similar experience.",
  'The weather has been all over the place: sun one minute, hail the next.',
  "I know, I know, I said I'd write more often.",
  "A reader asked me last week how I find the time, and the answer is that I don't, really.",
  'It cost about {money}, which is less than I expected.',
  "Next month I'm hoping to try {hobby}, so watch this space.",
  'The best advice I ever got was from an old {job} who lived next door: take it slowly.',
  'By the end of the day I was tired, muddy and very happy.',
  "I'm still not sure what went wrong with the first loaf, but the second one was much better.",
  "It's funny how the small things end up mattering the most.",
  'Your mileage may vary, of course.',
  "If you're just starting out, don't buy anything expensive until you know you'll stick with it.",
  'I went out at six this morning and had the whole {land} to myself.',
  "There's a {adj} little shop on {street} that sells everything you need, and the owner knows a lot.",
  'Thanks to everyone who left a comment on the last post; I read every one of them.',
  'My neighbours have given up on their lawn entirely and planted wildflowers instead.',
  "Here's the thing: I'm not an expert, I just enjoy it.",
  'Even on a grey day the light down by the water is something else.',
  'If your {relative} is anything like mine, they will tell you it was better in the old days.',
  "It's now been {numw} weeks, and I'm still enjoying it.",
];

const REVIEW = [
  'I bought {product} in {month} to replace an old one that had finally given up.',
  'It arrived two days early and was well packed.',
  'The {feature} feels solid, and it looks better in person than in the photos.',
  'After {numw} weeks of daily use, I have only one real complaint: the {feature}.',
  'Setup took about ten minutes, most of which was spent finding the right screwdriver.',
  "If you're on a budget, this is hard to beat.",
  'My partner hated the colour at first but has since come round to it.',
  "It's a bit louder than I'd like, especially early in the morning.",
  'Customer service were helpful when I emailed them about a missing part.',
  "For the price, I can't really complain.",
  'The {feature} broke after {numw} months, which is disappointing.',
  "Compared with my old one, it's lighter, quieter and easier to clean.",
  'Would I buy it again? Probably, yes.',
  'One tip: charge it fully before the first use.',
  'It does exactly what it says on the box, nothing more and nothing less.',
  "I've recommended it to my {relative}, who bought one the same week.",
  "The only reason I'm not giving it five stars is the {feature}.",
  'We took it camping in the rain and it kept working without any trouble.',
  'The manual is thin, but you hardly need it.',
  'It is heavier than it looks, so bear that in mind if you plan to carry it far.',
  'Their customer service team replaced it within a week, no questions asked.',
  'Now that I have used it for a whole season, I feel I can give a fair opinion.',
  'Even the cheaper models from the same brand seem to be well made.',
  "If your kitchen is small, measure the space before you order; it's bigger than it looks.",
];

const TRAVEL = [
  'We left {city} early, before the traffic, and reached the coast by mid-morning.',
  'The old town is small enough to see on foot in an afternoon.',
  'Turn left after the bridge and follow the river until you reach the market.',
  'Lunch was bread, cheese and olives from a stall near the station, eaten on a bench in the sun.',
  'The museum is closed on Mondays, which we found out the hard way.',
  'If you go, take the early ferry; by noon the queues are enormous.',
  'The hostel was basic but clean, and the owner gave us a map with all her favourite places marked.',
  'It rained for most of the afternoon, so we sat in a café and wrote postcards.',
  'From the top of the hill you can see the whole bay and, on a clear day, the islands.',
  'The bus to {town2} runs only twice a day, so check the times before you set out.',
  'We walked about {num} kilometres and my feet were not happy about it.',
  'Dinner was at a tiny place with four tables and no menu; you eat whatever the cook made that day.',
  'The cathedral took nearly two centuries to build, and it shows in the mix of styles.',
  'Tickets cost {money} and include entry to the gardens.',
  "I'd happily come back in spring, when the orchards are in flower.",
  'Our train was forty minutes late, which apparently is normal here.',
  'The locals were friendly and patient with our terrible attempts at the language.',
  "Bring cash: many of the smaller shops don't take cards.",
  'We stayed two nights in a guest house above a bakery, and woke every morning to the smell of bread.',
  'The walk along the {land} took longer than the guidebook said, but nobody minded.',
  'The village is famous for its cheese, and every shop seemed to sell their own version of it.',
  'Here the road narrows and climbs steeply, so take it slowly if you are driving.',
  'Even in August, the evenings up in the hills were cool enough for a jumper.',
  'Your best option for getting around is the local bus, which is cheap and surprisingly reliable.',
];

const RECIPE = [
  "This is the {dish} my {relative} made every Sunday, and it's still the one I come back to.",
  'I usually double the quantities and freeze half.',
  'My {relative} always insisted on a pinch of sugar, and I have never dared leave it out.',
  'The recipe came from a card in a tin box that has been in the family for as long as I can remember.',
  "Don't be put off by the length of this; most of the time it looks after itself.",
  'Everyone has their own version of this, and this one is mine.',
  'It was the first thing I learned to cook when I left home, and it has never let me down.',
];
const SAVOURY = [
  'Start by chopping {numw} onions and softening them in a little {fat} over a low heat.',
  'Add the {veg} and the {spice} and cook for another {num} minutes, stirring now and then.',
  "You can use {veg} instead if that's what you have.",
  'Pour in the stock, bring it to the boil, then turn the heat right down.',
  'It needs at least an hour, but longer is better.',
  'Taste it before you add salt, because the stock may already be quite salty.',
  'Serve it with crusty bread and a green salad.',
  'It keeps well in the fridge for {numw} days and tastes even better the next day.',
  "If you're cooking for children, leave out the {spice}.",
  'The trick is not to stir it too much.',
  'A squeeze of lemon at the end lifts the whole thing.',
  'Fresh {spice} is lovely here, but dried works almost as well.',
  'Brown the meat in batches, so that the pan stays hot and nothing stews in its own juice.',
  'If it looks too thick, add a splash of water; if it looks too thin, leave the lid off for a while.',
  'A handful of chopped parsley over the top just before serving makes it look far more impressive than it is.',
];
const BAKING = [
  'Preheat the oven to {temp} degrees and grease a deep tin.',
  'Rub the butter into the flour with your fingertips until it looks like breadcrumbs.',
  "Don't worry if the mixture looks lumpy at this stage; it will come together.",
  'Bake for {num} minutes, until the top is golden and a skewer comes out clean.',
  'Let it cool in the tin for ten minutes before turning it out.',
  'Beat the eggs into the sugar one at a time, and then fold in the flour with a metal spoon.',
  'A little {sweetspice} in the mixture makes the whole kitchen smell wonderful.',
  'Ripe fruit works best here, so this is a good way of using up anything that is past its best.',
  'It will keep for about a week in an airtight tin, if it lasts that long.',
  'Resist the urge to open the oven door during the first twenty minutes.',
  'If the top is browning too quickly, cover it loosely with a sheet of foil.',
  'Serve it warm with cream or custard, or cold the next day with a cup of tea.',
];

const MINUTES = [
  'The minutes of the previous meeting were approved as a correct record.',
  '{full} reported that the accounts showed a balance of {money} at the end of {month}.',
  'It was agreed that the {work} would be circulated to all members before the next meeting.',
  '{full} raised the question of parking during the building works.',
  'After some discussion, the committee voted to accept the lowest quote, with one abstention.',
  'Action: {name} to contact {org2} about the broken fence.',
  'The chair thanked {full} for organising the {event}.',
  'The date of the next meeting was set for {day} {nth} {month}.',
  'Members noted that the hall would be closed for repairs in {month}.',
  '{full} asked whether the grant could be used for the new kitchen; the treasurer agreed to find out.',
  'It was proposed by {name} and seconded by {name} that the fees remain unchanged.',
  'The secretary read a letter from {org2} thanking the group for its support.',
  'Concerns were raised about the state of the footpath behind the school.',
  'The working group will report back in {month}.',
  'There was a long discussion about the heating, which has not worked properly since {month}.',
  'Members were reminded that the insurance renewal is due at the end of the year.',
];

const HOWTO_TASKS = [
  'bleed a radiator',
  'replace a bicycle chain',
  'repot a houseplant',
  'clean a cast iron pan',
  'hang a shelf',
  'fix a dripping tap',
  'prune an apple tree',
  'back up your photos',
  'sharpen a kitchen knife',
  'wallpaper a small room',
  'patch a hole in plaster',
  'change a fuse',
];
const HOWTO = [
  'Before you start, turn everything off and put an old towel down to catch any drips.',
  "You'll need a {tool}, a {tool} and about half an hour.",
  'First, check that you have the right size of {part}.',
  "Loosen it slowly; if it won't move, don't force it.",
  'Most people make the mistake of rushing this step.',
  "Once it's loose, lift it out and check it for wear.",
  'Clean the surface with warm soapy water and let it dry completely.',
  "If you're not sure, take the old {part} to the hardware shop and ask them to match it.",
  'Tighten everything by hand first, then give it a final quarter turn with the {tool}.',
  'Check it again over the next hour or so, just to be safe.',
  "It's worth doing this every autumn, before the cold weather sets in.",
  "Keep the screws in a cup so they don't roll away.",
  'You may find it easier with a second pair of hands.',
  'Wear gloves, because the edges can be sharp.',
  "Don't panic if it looks worse before it looks better.",
  "That's it. The whole job should cost you less than {money}.",
  "If the problem comes back, it's probably time to call {atrade}.",
  'Before you drill, mark the position with a pencil.',
  'Your local library will often have a good book on this.',
  'Take a photo before you take anything apart, so you know how it goes back together.',
  'Work from the top down, and take your time.',
  'Now fit the new {part}, making sure it sits flat.',
  'Here is where most people go wrong: they overtighten it and crack the fitting.',
  'Even a small leak can do a lot of damage over a winter.',
  'Your hands will get dirty, so have a rag ready.',
  'The whole point of doing it yourself is that you can take as long as you like.',
];

const HISTORY = [
  'The town grew up around a ford on {river} in the {century} century.',
  'By {old} it had become one of the busiest market towns in the region, trading mainly in wool and grain.',
  'The construction of the canal brought new industries, including brewing and brick-making.',
  'The population roughly doubled in the fifty years that followed.',
  'Much of the old centre was rebuilt after a fire in {old}.',
  'The cathedral, begun in the {century} century, was not finished until almost two hundred years later.',
  'During the nineteenth century the harbour was enlarged to take larger ships.',
  'The treaty signed in {old} ended a long dispute over the border and the fishing grounds.',
  'Historians disagree about the reasons for the decline of the trade.',
  'The first railway reached the town in {old}, linking it with {city2}.',
  'Records from the period are scarce, and much of what is known comes from parish registers.',
  'The university was founded by a group of merchants and clergy who wanted to train doctors and lawyers.',
  'Its early economy depended on fishing, salt and, later, coal.',
  'A museum in the former customs house now tells the story of the port.',
  'The {building} on {street}, built in {old}, is the oldest surviving building in the town.',
  'Local tradition holds that the bridge was paid for by a wealthy widow, though no document confirms it.',
  'The monks kept their own records, many of which survive in the county archive.',
  'Most of the houses in the old quarter were built of local stone, and many of them still stand.',
  'The market charter, granted in the {century} century, allowed a market every {day} and a fair once a year.',
  'By the end of the century the mills employed more than half of the working population.',
  'The decline of the port was gradual, and it was not until the twentieth century that the last ships left.',
];
const SCIENCE_TEXT = [
  'Glaciers form where more snow falls in winter than melts in summer.',
  'Over thousands of years, the weight of the ice carves broad, U-shaped valleys.',
  'The species is found mainly in shallow coastal waters, where it feeds on small fish and shrimp.',
  'Most of the energy a plant needs comes from sunlight, which is captured by its leaves.',
  'The planet takes about {num} Earth days to complete one orbit.',
  'The first accurate measurements were made in the early nineteenth century, using instruments that look crude today.',
  'Because water expands as it freezes, ice floats, and lakes freeze from the top down.',
  'Volcanic soils are often very fertile, which is why farms are found on the slopes of volcanoes.',
  'The bird migrates each autumn, travelling thousands of kilometres to its winter grounds.',
  'Earlier studies had suggested that the effect was small, but later work showed otherwise.',
  'The process is slow and may take several centuries.',
  'It was named after the naturalist who first described it in {year}.',
  'Bees visit flowers to collect nectar and pollen, and in doing so carry pollen from one plant to another.',
  'The tides are caused mainly by the pull of the Moon and, to a lesser extent, the Sun.',
  'Copper conducts electricity well, which is why it is used in most household wiring.',
  'Studies of {sci} have changed a great deal since the first surveys were made.',
  'Scientists at {university} have been measuring {sci} along this coast since {recent}.',
  'There are more than {bignum} known species, and new ones are described every year.',
  'Many animals change their behaviour as the days grow shorter.',
  'The amount of light reaching the ground has a large effect on what can grow there.',
  'Most of the rock in the region was laid down under a shallow sea, which is why fossil shells are so common.',
  'The young leave the nest after about {numw} weeks, but stay close to their parents until the autumn.',
  'Even small changes in temperature can shift the timing of flowering by several days.',
];

type Kind = 'blog' | 'review' | 'travel' | 'recipe' | 'minutes' | 'howto' | 'history' | 'science';

function other(d: Doc, target: number): string {
  const g = d.g;
  const kind = g.pick<Kind>(['blog', 'review', 'travel', 'recipe', 'minutes', 'howto', 'history', 'science']);
  const blocks: string[] = [];
  let pool: readonly string[];
  let prefixes: readonly string[] = CHAT_PREFIXES;
  switch (kind) {
    case 'blog':
      pool = BLOG;
      blocks.push(
        fill(
          d,
          g.pick([
            'A few thoughts on {hobby}',
            'Weekend in {town}',
            'What I learned from {numw} months of {hobby}',
            'Notes from the garden, {month}',
            'Back again',
          ]),
        ),
      );
      if (g.random() < 0.5) blocks.push(fill(d, `Posted by ${d.me.first} on {day}, {nth} {month}`));
      break;
    case 'review':
      pool = REVIEW;
      blocks.push(
        g.pick([
          `${g.pick(['Four', 'Three', 'Five', 'Two'])} stars: ${g.pick(['does the job', 'good value', 'nearly perfect', 'fine, with one flaw', 'not bad at all'])}`,
          `Review of ${d.product.replace(/^(the|this|these) /, '')}`,
          'Solid, but not without problems',
        ]),
      );
      break;
    case 'travel':
      pool = TRAVEL;
      blocks.push(
        fill(d, g.pick([`Day ${int(g, 1, 14)}: {town} to {town2}`, 'Notes from {city}', 'A week in {city}'])),
      );
      break;
    case 'recipe': {
      const baked = g.random() < 0.45;
      d.dish = g.pick(baked ? BAKES : DISHES);
      pool = [...RECIPE, ...(baked ? BAKING : SAVOURY)];
      blocks.push(cap(fill(d, g.pick(['{dish}', "My {relative}'s {dish}", '{dish} for a cold evening']))));
      break;
    }
    case 'minutes':
      pool = MINUTES;
      prefixes = [''];
      blocks.push(
        fill(
          d,
          `Minutes of the meeting of the ${g.pick(['Residents’ Association', 'Allotment Society', 'Parish Council', 'Parent-Teacher Association', 'Village Hall Committee'])}, held on {day} {nth} {month} at {clock} in the ${g.pick(['village hall', 'library', 'school hall', 'back room of the Red Lion'])}.`,
        ) +
          `\nPresent: ${Array.from({ length: int(g, 3, 7) }, () => full(person(g))).join(', ')}.\nApologies: ${full(person(g))}.`,
      );
      break;
    case 'howto':
      pool = HOWTO;
      blocks.push(`How to ${g.pick(HOWTO_TASKS)}`);
      break;
    case 'history':
      pool = HISTORY;
      prefixes = ['', '', '', 'Later, ', 'At the same time, ', 'However, ', 'By then, ', 'In the end, '];
      if (g.random() < 0.5) blocks.push(`${d.town}: a short history`);
      break;
    case 'science':
      pool = SCIENCE_TEXT;
      prefixes = ['', '', '', 'However, ', 'In general, ', 'For this reason, ', 'As a result, '];
      break;
  }
  let item = 1;
  grow(blocks, target, () => {
    const p = paragraph(d, pool, [2, 5], prefixes);
    return kind === 'minutes' && p ? `${item++}. ${p}` : p;
  });
  if (kind === 'minutes') blocks.push(`The meeting closed at ${fill(d, '{clock}')}.`);
  return blocks.join('\n\n');
}

// ---------------------------------------------------------------- entry point
/** One benign document of roughly 600-4000 characters in a randomly chosen genre. */
export function benignProse(g: Gen): string {
  const d: Doc = {
    g,
    a: person(g),
    b: person(g),
    me: person(g),
    writer: person(g),
    city: g.pick(CITIES),
    town: g.pick(TOWNS),
    org: g.pick(ORGS),
    product: g.pick(PRODUCTS),
    dish: g.pick(DISHES),
    civic: g.pick(PUBLIC),
    things: THINGS['tech']!,
    used: new Set(),
  };
  const target = 600 + Math.floor(g.random() ** 1.4 * 3000);
  const r = g.random();
  if (r < 0.28) return mail(d, target);
  if (r < 0.42) return news(d, target);
  if (r < 0.64) return fiction(d, target);
  if (r < 0.78) return speech(d, target);
  return other(d, target);
}
