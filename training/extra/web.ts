/**
 * Benign web pages and commercial e-mail: the text Airlock's egress tools fetch. After benign-prose
 * (training/extra/prose.ts) cut the false-positive rate on ordinary e-mail from 31-37% to 14-19%,
 * commercial and newsletter e-mail (SpamAssassin "hard ham": newsletters, promotions, mailing-list
 * digests) was still flagged 87-90%, and the pages the egress tools fetch are mostly web pages, a genre
 * with no benign rows at all. Their second-person, imperative voice ("Sign up today", "Enter your
 * postcode", "You must be 18 or older") was learned only from attacks. This composes one page or e-mail
 * per call: promotional newsletters with unsubscribe footers and small print, mailing-list digests,
 * product pages with specifications and reviews, FAQs, "About us" pages, terms and privacy policies, job
 * postings, event listings, property listings, weather pages, sports results, recipe pages, software
 * documentation, forum threads, encyclopedia articles and council notices, wrapped in the navigation,
 * cookie banners and footers that pages converted to text carry. Every template and word list below was
 * written for this project. Nothing here addresses an AI or uses the vocabulary of the attack kinds.
 */
import { article, cap, type Gen, grow as growBlocks, int, take, tidy, words } from './gen.js';

// ---------------------------------------------------------------- names, places, brands
const FIRST = words(`Abigail Adrian Agnes Alfie Amelia Angus Ariana Barnaby Beatrice Bernard Bianca Caleb
  Camille Cedric Chloe Clement Cora Damian Delia Desmond Dolores Edmund Eloise Esther Fergus Fiona Gavin
  Georgia Gideon Harriet Hector Imogen Isaac Jasper Jemima Kieran Leonie Lionel Lorna Magnus Maeve Marcus
  Matilda Nathaniel Nell Norman Ophelia Oscar Penelope Quentin Rhiannon Rupert Sabrina Simone Stanley
  Tabitha Toby Ursula Vera Wilfred Winifred Yasmin Zachary Anil Deepa Kenji Akosua Farid Leila Mateo
  Ines Bogdan Marta Sven Astrid Tariq Noor`);
const LAST = words(`Ainsworth Blackwood Castellano Dunmore Ellery Farrow Gallagher Hargreaves Ingram
  Jarvis Keating Lambert Mallory Nakamura Ogden Pemberton Radcliffe Sandoval Thackeray Underwood Vasquez
  Wetherby Yardley Achebe Bergstrom Chowdhury Delacroix Esposito Fairbairn Gutierrez Holt Iqbal
  Jankowski Kowalczyk Lindgren Mbeki Nilsson Oyelaran Petrov Quintero Rahman Szabo Trevelyan Varga
  Whitcombe Zielinski`);
const TOWNS = words(`Ambleforth Bexhampton Caddington Dovercourt Elmsworth Fairlight Gosworth Hatherleigh
  Inglebrook Jessop Kelsborough Lydfield Marchbury Netherwick Ormsby Penhallow Quarrington Rushmere
  Selbourne Tidmarsh Upperthorpe Westerleigh Yarcombe Ashcombe Brackenfield Coldharbour Dunstow`);
const COUNTIES = words(`Northshire Westmere Eastvale Southdown Midlow Hollandshire Greymoor Fenland`);
const STREET_NAMES = words(`Acacia Beech Clarence Dovecote Elm Foundry Gatehouse Hawthorn Jubilee Kiln
  Laburnum Maltings Nursery Old-Forge Pavilion Rectory Sandpit Tannery Vicarage Wharf Windmill Yew`);
const STREET_KINDS = words('Road Avenue Close Way Drive Crescent Gardens Terrace Row Walk');
const BRAND_A = words(`Fernbrook Bramble Copperleaf Hollowell Kittiwake Larchmont Northcote Oxbow Pinecrest
  Quayside Rookwood Saltmarsh Tidewell Wrenfield Juniper Alderley Heronsgate Marigold Thistledown
  Harbourlight Foxglove Ironbridge Meadowsweet Slatestone Cloudberry Goldfinch`);
const BRAND_B = [
  '& Co.',
  'Outfitters',
  'Home',
  'Supply',
  'Goods',
  'Living',
  'Emporium',
  'Trading Co.',
  'Market',
  'Workshop',
  'Store',
  'Essentials',
  'Direct',
];
const DAYS = words('Monday Tuesday Wednesday Thursday Friday Saturday Sunday');
const SHORT_DAYS = words('Mon Tue Wed Thu Fri Sat Sun');
const MONTHS = words('January February March April May June July August September October November December');
const SHORT_MONTHS = words('Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec');

// ---------------------------------------------------------------- shop departments
interface Dept {
  name: string;
  cats: readonly string[];
  adjs: readonly string[];
  nouns: readonly string[];
  feats: readonly string[];
  materials: readonly string[];
}

const DEPTS: readonly Dept[] = [
  {
    name: 'Garden',
    cats: ['Planters', 'Hand tools', 'Outdoor lighting', 'Watering', 'Bird care', 'Greenhouses'],
    adjs: words(
      'galvanised cedar terracotta recycled heavy-duty folding weatherproof ash-handled frost-proof',
    ),
    nouns: [
      'raised planter',
      'trowel',
      'hose reel',
      'bird feeder',
      'compost bin',
      'leaf rake',
      'pruning saw',
      'cold frame',
      'water butt',
      'solar lantern',
      'potting bench',
      'garden kneeler',
      'trellis panel',
      'seed tray set',
      'wheelbarrow',
    ],
    feats: ['drainage holes', 'the riveted joints', 'the grip', 'the frame', 'the fixings', 'the finish'],
    materials: [
      'FSC-certified larch',
      'powder-coated steel',
      'recycled polypropylene',
      'frost-resistant clay',
    ],
  },
  {
    name: 'Kitchen',
    cats: ['Cookware', 'Bakeware', 'Knives', 'Small appliances', 'Tableware', 'Storage jars'],
    adjs: words(
      'enamel cast-iron bamboo stainless stoneware copper-bottomed non-stick glazed induction-ready',
    ),
    nouns: [
      'casserole dish',
      "chef's knife",
      'chopping board',
      'stand mixer',
      'spice rack',
      'colander',
      'saucepan set',
      'teapot',
      'cafetière',
      'mixing bowl',
      'loaf tin',
      'toaster',
      'griddle pan',
      'pestle and mortar',
      'butter dish',
    ],
    feats: ['the handle', 'the lid', 'the base', 'the coating', 'the blade', 'the glaze'],
    materials: ['18/10 stainless steel', 'enamelled cast iron', 'moso bamboo', 'high-fired stoneware'],
  },
  {
    name: 'Outdoor',
    cats: ['Tents', 'Sleeping', 'Backpacks', 'Clothing', 'Footwear', 'Camp kitchen'],
    adjs: words('lightweight insulated packable two-person breathable ripstop merino waterproof'),
    nouns: [
      'tent',
      'sleeping bag',
      'head torch',
      'rucksack',
      'pair of trekking poles',
      'camping stove',
      'dry bag',
      'fleece',
      'rain jacket',
      'pair of walking boots',
      'vacuum flask',
      'hammock',
      'bivvy bag',
      'sleeping mat',
      'pair of gaiters',
    ],
    feats: ['the zips', 'the seams', 'the hood', 'the hip belt', 'the sole', 'the pack size'],
    materials: ['70D ripstop nylon', 'recycled polyester', 'merino wool', 'full-grain leather'],
  },
  {
    name: 'Homeware',
    cats: ['Bedding', 'Lighting', 'Rugs', 'Furniture', 'Storage', 'Decor'],
    adjs: words('linen woollen oak rattan velvet hand-woven Scandi-style reclaimed brushed-cotton'),
    nouns: [
      'duvet cover',
      'throw',
      'cushion cover',
      'table lamp',
      'bookcase',
      'runner rug',
      'pair of curtains',
      'wall mirror',
      'storage basket',
      'bedside table',
      'coat stand',
      'blanket box',
      'pendant shade',
      'footstool',
      'doormat',
    ],
    feats: ['the stitching', 'the colour', 'the weave', 'the drawers', 'the fabric', 'the legs'],
    materials: ['stonewashed linen', 'solid oak', 'natural rattan', 'organic cotton'],
  },
  {
    name: 'Electronics',
    cats: ['Audio', 'Accessories', 'Smart home', 'Cameras', 'Computing', 'Wearables'],
    adjs: words('compact noise-cancelling fast-charging water-resistant rechargeable backlit dual-band'),
    nouns: [
      'pair of wireless earbuds',
      'portable speaker',
      'USB-C hub',
      'phone case',
      'power bank',
      'webcam',
      'mechanical keyboard',
      'smart plug',
      'e-reader',
      'fitness tracker',
      'dash cam',
      'desk microphone',
      'travel adaptor',
      'wireless mouse',
      'video doorbell',
    ],
    feats: ['the battery life', 'the app', 'the charging case', 'the buttons', 'the sound', 'the pairing'],
    materials: ['anodised aluminium', 'recycled ABS plastic', 'tempered glass', 'silicone'],
  },
  {
    name: 'Pets',
    cats: ['Dog beds', 'Cat toys', 'Leads and collars', 'Bowls', 'Grooming', 'Travel'],
    adjs: words('orthopaedic reflective washable non-slip durable padded chew-resistant'),
    nouns: [
      'dog bed',
      'cat tree',
      'dog lead',
      'feeding bowl',
      'grooming brush',
      'rope toy',
      'pet carrier',
      'scratching post',
      'water fountain',
      'dog coat',
      'litter tray',
      'treat pouch',
      'harness',
      'puppy crate',
      'cat flap',
    ],
    feats: ['the cover', 'the clip', 'the stitching', 'the base', 'the sizing', 'the bristles'],
    materials: ['memory foam', 'waxed canvas', 'natural sisal', 'BPA-free plastic'],
  },
  {
    name: 'Toys and crafts',
    cats: ['Puzzles', 'Art supplies', 'Games', 'Outdoor play', 'Knitting', 'Science kits'],
    adjs: words('wooden magnetic beginner rainbow handmade pocket-sized 1000-piece'),
    nouns: [
      'jigsaw puzzle',
      'watercolour set',
      'set of building blocks',
      'stunt kite',
      'board game',
      'sketchbook',
      'knitting kit',
      'microscope',
      'marble run',
      'paint-by-numbers set',
      'embroidery hoop kit',
      'dolls’ house',
      'balance bike',
      'clay sculpting kit',
      'telescope',
    ],
    feats: ['the box', 'the pieces', 'the colours', 'the booklet', 'the paper', 'the wheels'],
    materials: ['sustainably sourced beech', 'recycled card', 'non-toxic paints', '100% cotton yarn'],
  },
];

// ---------------------------------------------------------------- page state and slots
interface Page {
  g: Gen;
  brand: string;
  domain: string;
  town: string;
  county: string;
  /** Currency symbol kept for the whole page. */
  cur: string;
  dept: Dept;
  item: string;
  reader: string;
  used: Set<string>;
}

const slug = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '');
const two = (n: number): string => String(n).padStart(2, '0');
const full = (g: Gen): string => `${g.pick(FIRST)} ${g.pick(LAST)}`;

function item(g: Gen, dept: Dept): string {
  return `${g.pick(dept.adjs)} ${g.pick(dept.nouns)}`.replace(/^(\S+) pair of /, 'pair of $1 ');
}

function price(p: Page, lo = 4, hi = 180): string {
  return `${p.cur}${int(p.g, lo, hi)}.${p.g.pick(['99', '50', '00', '95', '49', '00'])}`;
}

function postcode(g: Gen): string {
  const L = 'ABDEFGHJLNPRSTWY';
  const l = () => L[int(g, 0, L.length - 1)]!;
  return g.random() < 0.6
    ? `${l()}${l()}${int(g, 1, 22)} ${int(g, 1, 9)}${l()}${l()}`
    : String(int(g, 10000, 99899));
}

const SLOTS: Record<string, (p: Page) => string> = {
  brand: (p) => p.brand,
  domain: (p) => p.domain,
  town: (p) => p.town,
  town2: (p) => p.g.pick(TOWNS),
  county: (p) => p.county,
  street: (p) => `${int(p.g, 1, 220)} ${p.g.pick(STREET_NAMES).replace('-', ' ')} ${p.g.pick(STREET_KINDS)}`,
  road: (p) => `${p.g.pick(STREET_NAMES).replace('-', ' ')} ${p.g.pick(STREET_KINDS)}`,
  postcode: (p) => postcode(p.g),
  price: (p) => price(p),
  small: (p) => price(p, 2, 25),
  big: (p) => `${p.cur}${int(p.g, 2, 40) * 25}`,
  pct: (p) => `${p.g.pick([10, 15, 20, 25, 30, 40, 50])}%`,
  code: (p) =>
    `${p.g.pick(words('SPRING SUMMER AUTUMN WINTER HELLO WELCOME THANKYOU GARDEN COSY FRESH EXTRA WEEKEND'))}${p.g.pick([10, 15, 20, 25])}`,
  day: (p) => p.g.pick(DAYS),
  month: (p) => p.g.pick(MONTHS),
  date: (p) => `${p.g.pick(DAYS)} ${int(p.g, 1, 28)} ${p.g.pick(MONTHS)}`,
  time: (p) => p.g.pick(['9am', '10.30am', 'noon', '2pm', '4.15pm', '6pm', '7.30pm', '8pm', '11am']),
  year: (p) => String(int(p.g, 1962, 2024)),
  recent: (p) => String(int(p.g, 2015, 2025)),
  old: (p) => String(int(p.g, 1120, 1890)),
  num: (p) => String(int(p.g, 2, 40)),
  hundred: (p) => String(int(p.g, 100, 950)),
  first: (p) => p.g.pick(FIRST),
  full: (p) => full(p.g),
  reader: (p) => p.reader,
  item: (p) => p.item,
  item2: (p) => item(p.g, p.dept),
  cat: (p) => p.g.pick(p.dept.cats).toLowerCase(),
  Cat: (p) => p.g.pick(p.dept.cats),
  dept: (p) => p.dept.name.toLowerCase(),
  feature: (p) => p.g.pick(p.dept.feats),
  material: (p) => p.g.pick(p.dept.materials),
  relation: (p) => p.g.pick(RELATIONS),
  tickets: (p) => {
    const full = int(p.g, 4, 18);
    return `${p.cur}${full} / ${p.cur}${full - int(p.g, 1, 3)} concessions`;
  },
  threshold: (p) => `${p.cur}${p.g.pick([25, 30, 40, 50, 75])}`,
  oven: (p) => {
    const c = int(p.g, 16, 22) * 10;
    return `${c}C/${c - 20}C fan/gas ${Math.max(1, Math.round((c - 120) / 14))}`;
  },
  phone: (p) => `0${int(p.g, 1200, 1999)} ${int(p.g, 100, 999)} ${int(p.g, 100, 999)}`,
  email: (p) => `${p.g.pick(['hello', 'info', 'support', 'orders', 'enquiries', 'team'])}@${p.domain}`,
  hours: (p) =>
    p.g.pick([
      'Monday to Friday, 9am to 5pm',
      'weekdays 8.30am-6pm and Saturdays 10am-2pm',
      'every day from 8am to 8pm',
      'Monday to Saturday, 9am-5.30pm',
    ]),
};

/** Replaces {slot}s. An unknown slot is a typo: fail loudly. */
function fill(p: Page, template: string): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const slot = SLOTS[key];
    if (!slot) throw new Error(`web: unknown slot {${key}}`);
    return slot(p);
  });
}

function sentence(p: Page, pool: readonly string[]): string {
  const t = take(p, pool);
  return t === undefined ? '' : cap(article(tidy(fill(p, t))));
}

function paragraph(p: Page, pool: readonly string[], lo: number, hi: number): string {
  const out: string[] = [];
  for (let i = int(p.g, lo, hi); i > 0; i--) {
    const s = sentence(p, pool);
    if (s) out.push(s);
  }
  return out.join(' ');
}

/** n unused, filled lines from pool as a bullet list ('' once the pool is spent). */
function bullets(p: Page, pool: readonly string[], lo: number, hi: number, mark = '- '): string {
  const out: string[] = [];
  for (let i = int(p.g, lo, hi); i > 0; i--) {
    const s = sentence(p, pool);
    if (s) out.push(`${mark}${s}`);
  }
  return out.join('\n');
}

/**
 * Adds blocks until the target length (see gen.ts), stopping 450 chars short of 4,000: the page
 * furniture (navigation, footer) is added afterwards.
 */
const grow = (blocks: string[], target: number, next: () => string): void =>
  growBlocks(blocks, target, next, { rounds: 40, minChars: 500, maxChars: 3550 });

// ---------------------------------------------------------------- page furniture
const COOKIE_BANNERS = [
  'We use cookies to improve your experience. Accept / Manage preferences',
  'This site uses cookies to remember your settings and count visits. Accept all | Reject non-essential | Cookie settings',
  'Cookies help us run this website. Some are essential; others help us understand how the site is used. [Accept] [Decline] [Settings]',
  'We and our partners use cookies to personalise content and measure traffic. You can change your choice at any time. Agree | Customise',
  'Your privacy matters. We use strictly necessary cookies, plus analytics cookies if you allow them. Allow all / Necessary only',
  'This website stores small files on your device so the basket and login work. Find out more in our cookie policy. Got it',
  'Can we use optional cookies? They help us improve the site. Yes, that is fine | No thanks | Read our cookie notice',
  'By continuing to browse you agree to our use of cookies. OK | More information',
];

const NAV_ITEMS = words(`Home Shop Offers Blog About Contact News Services Events Help Stores Delivery
  Gallery Membership Careers Support Downloads Pricing Community`);

function nav(p: Page): string {
  const g = p.g;
  const items = ['Home'];
  for (let i = int(g, 3, 6); i > 0; i--) {
    const x = g.pick(NAV_ITEMS);
    if (!items.includes(x)) items.push(x);
  }
  return g.pick([
    items.join(' | '),
    items.join('  '),
    `Skip to main content\n${items.join(' · ')}`,
    `${p.brand}\n${items.join(' | ')}\nSign in | Basket (${int(g, 0, 3)})`,
    `Menu\n${items.map((x) => `* ${x}`).join('\n')}`,
    `Search ${p.brand}...\n${items.join(' / ')}`,
  ]);
}

function footer(p: Page): string {
  const g = p.g;
  const year = int(g, 2016, 2025);
  const lines = [
    g.pick([
      `© ${year} ${p.brand.replace(/\.$/, '')}. All rights reserved.`,
      `Copyright © ${year} ${p.brand}`,
      `© ${p.brand} ${year - int(g, 1, 9)}-${year}`,
      `All content © ${year} ${p.brand} unless otherwise stated.`,
    ]),
    g.pick([
      'Privacy policy | Terms of use | Accessibility | Sitemap | Contact us',
      'Privacy · Cookies · Terms · Modern slavery statement',
      'About | Careers | Press | Help centre | Store finder',
      'Terms and conditions   Privacy notice   Cookie settings   Accessibility statement',
    ]),
  ];
  if (g.random() < 0.5)
    lines.push(
      fill(
        p,
        g.pick([
          'Registered in England and Wales, company no. 0{hundred}{hundred}. Registered office: {street}, {town}, {postcode}.',
          '{brand} Ltd, {street}, {town}, {county} {postcode}. VAT reg. GB {hundred} {hundred} {num}.',
          'Follow us: Facebook · Instagram · Pinterest · YouTube',
          'Back to top ↑',
          'Call us on {phone} ({hours}) or e-mail {email}.',
        ]),
      ),
    );
  return lines.join('\n');
}

/** Navigation and banner before the main text, footer after, as a converted page carries them. */
function chrome(p: Page, body: string[]): string {
  const g = p.g;
  const out: string[] = [];
  if (g.random() < 0.3) out.push(g.pick(COOKIE_BANNERS));
  if (g.random() < 0.75) out.push(nav(p));
  out.push(...body);
  if (g.random() < 0.25 && !out.some((b) => COOKIE_BANNERS.includes(b))) out.push(g.pick(COOKIE_BANNERS));
  if (g.random() < 0.85) out.push(footer(p));
  return out.join('\n\n');
}

// ---------------------------------------------------------------- commercial newsletters and promotions
const PROMO = [
  "This week's deals are here: up to {pct} off {cat}, this weekend only.",
  'Our biggest sale of the season starts today, with savings across more than {hundred} lines.',
  'Stock up on {cat} before the prices go back up on {day}.',
  'Use code {code} at checkout for an extra {pct} off full-price items.',
  'Free standard delivery on orders over {threshold}, and free returns for members.',
  'New in: the {item}, made from {material} and available in four colours.',
  'Last chance! The offer ends at midnight on {day}.',
  'We have just restocked the {item2}, which sold out in two days last month.',
  'Treat yourself, or someone else: gift cards start at {small} and never expire.',
  'Members get early access to every sale, plus a birthday voucher each year.',
  'Spend {big} or more and we will add a free {item2} to your order.',
  'Our customers’ favourite, the {item2}, is now {price}, its lowest price this year.',
  'Every order this month plants a tree with our reforestation partner.',
  'Prices drop on hundreds of {dept} favourites, from {small}.',
  'Shop the edit: twelve pieces our buyers would happily take home.',
  'Order by 2pm on {day} for delivery before the weekend.',
  'Click and collect is free from all {num} of our shops, usually within two hours.',
  'Buy one, get one half price on selected {cat}, while stocks last.',
  'Sign up to our loyalty scheme and earn a point for every pound you spend.',
  'Our spring catalogue is out now, and you can order a printed copy free of charge.',
];
const ANNOUNCE = [
  'We are delighted to introduce the {item}, two years in the making.',
  'It is lighter than the one it replaces, and {feature} has been redesigned from scratch.',
  'Every unit is tested in our {town} workshop before it leaves us.',
  'Pre-orders open on {date}, with the first deliveries expected in {month}.',
  'Early customers will receive a free carry pouch worth {small}.',
  'We listened to your feedback: the most common request was a longer warranty, so it now comes with five years.',
  'Made from {material}, it is built to be repaired rather than replaced.',
  'Spare parts will be available for at least ten years.',
  'You can see it in person at our flagship store on {road}, {town}.',
  'The launch price of {price} holds until the end of {month}.',
  'Reviewers at three independent magazines have called it the best in its class.',
  'A full comparison with last year’s version is on our website.',
  'Want to try before you buy? Book a free demonstration at any of our shops.',
  'Stock is limited for the first month, so we suggest ordering early.',
  'Read the full story of how it was designed on our blog.',
];
const NEWS_BLOCK = [
  'Meet the maker: {full} has been hand-finishing our {cat} in {town} for {num} years.',
  'Our {town} shop reopens on {date} after a refurbishment, with a new café upstairs.',
  'This month we are donating {pct} of online sales to the {town} food bank.',
  'Join us for a late-night shopping event on {date}, with mulled drinks and live music.',
  'We have switched to plastic-free packaging for every parcel we send.',
  'Our customer service team won a regional award this year, thanks to your votes.',
  'The {town} warehouse now runs entirely on solar power during the summer months.',
  'Free workshops return this {month}: book a place online, numbers are limited.',
  'Read our guide to choosing the right {item2} on the blog.',
  'Ask the experts: our staff answer your most common questions about {cat}.',
  'From the archive: the very first catalogue we printed, back in {year}.',
  'We now deliver to the Channel Islands and the Scottish Highlands at no extra cost.',
  'Our repair service is back: send us your worn {item2} and we will make it good as new.',
  'Rated “Excellent” by more than {hundred} customers on independent review sites.',
  'New opening hours at our {town} branch: {hours}.',
];
/** Organisations' newsletters (theatres, charities, software firms, travel agents), not only shops. */
const BULLETIN = [
  'In this issue: our autumn season, a volunteer spotlight and the results of the members’ survey.',
  'Tickets for the winter season at the {town} Playhouse go on general sale on {date}; Friends can book from today.',
  'Thanks to your donations, the shelter rehomed {hundred} animals last year, more than ever before.',
  'Version 4 of our accounting app is out, with bank feeds, receipt scanning and a new dark theme.',
  'Scheduled maintenance: the customer portal will be unavailable on {date} between 1am and 3am.',
  'Flights to {town2} from {small} each way for travel between {month} and {month}.',
  'Three nights’ half board in a country house hotel, from {price} per person.',
  'Our annual members’ survey is open until {date}, and every response enters a draw for a {small} voucher.',
  'The webinar recording is now online, with slides and a list of the questions we ran out of time for.',
  'Meet {full}, who has volunteered in our {town} shop every Tuesday for twelve years.',
  'We have made some changes to our pricing; existing customers keep their current plan until {month}.',
  'Join the waiting list for the summer school, which runs for five days in {month}.',
  'Gift Aid adds 25p to every pound you give, at no extra cost to you.',
  'Coming soon: a new branch in {town2}, with parking and a children’s play area.',
  'Your monthly summary: {num} orders, {num} reviews and {hundred} points earned.',
  'Half-term workshops for ages 7-12 are filling fast; book online or at reception.',
  'The museum is free to enter; donations help us keep it that way.',
  'Early-bird prices for the conference end on {day}.',
];
const SMALL_PRINT = [
  'Offer valid until 23:59 on {date}. Cannot be combined with any other offer or discount code.',
  'Discount applies to full-price items only and excludes gift cards and delivery charges.',
  'While stocks last. Prices include VAT. Images are for illustration only.',
  'One code per customer. {brand} reserves the right to withdraw the offer at any time.',
  'Free delivery applies to UK mainland addresses only; some postcodes are excluded.',
  'Please note that orders placed after 2pm ship the next working day.',
  'Members’ prices are available to signed-in loyalty members only.',
  'Savings are against the previous selling price, which applied for at least 28 days.',
  'Gift cards are valid for 24 months from the date of purchase and cannot be exchanged for cash.',
  'Full terms and conditions are available at {domain}/terms.',
  'You must be 18 or older to enter the prize draw. No purchase necessary. Closing date {date}.',
  'Returns must be made within 30 days in original condition; see our returns policy for details.',
  'Colours may vary slightly from those shown on screen.',
  'Delivery times may be longer during sale periods and public holidays.',
  'Points cannot be earned on gift cards or delivery charges.',
];
const UNSUBSCRIBE = [
  'You are receiving this e-mail because you signed up at {domain}.',
  'You are receiving this because you opted in to marketing e-mails when you created an account.',
  'You received this message because you are subscribed to the {brand} newsletter.',
  'Not interested any more? Unsubscribe or update your e-mail preferences.',
  'To stop receiving these e-mails, click Unsubscribe. It may take up to 48 hours to take effect.',
  'Add {email} to your address book to make sure our e-mails reach your inbox.',
  'This e-mail was sent to {reader} by {brand}, {street}, {town} {postcode}.',
  'Please do not reply to this e-mail; the mailbox is not monitored. For help, visit {domain}/help.',
  'Manage preferences | Unsubscribe | Privacy policy | View online',
  'We respect your privacy. Read how we look after your data at {domain}/privacy.',
  'Having trouble viewing this e-mail? View it in your browser.',
  'Forward this to a friend who might like it.',
  'Copyright © {recent} {brand}, all rights reserved.',
  'Our mailing address is: {brand}, {street}, {town}, {county}, {postcode}.',
  'Want to change how you receive these e-mails? You can update your preferences or unsubscribe from this list.',
];

function newsletter(p: Page, target: number): string {
  const g = p.g;
  const blocks: string[] = [];
  const pre = g.pick([
    'View this e-mail in your browser',
    'Having trouble reading this? View it online.',
    `${g.pick(['Free delivery over ', 'Members save extra | Free returns | '])}${price(p, 30, 60)}`,
    '',
  ]);
  if (pre) blocks.push(pre);
  const announce = g.random() < 0.3;
  blocks.push(
    `${p.brand.toUpperCase()}\n${fill(
      p,
      announce
        ? g.pick(['Introducing the {item}', 'Something new from {brand}', 'It’s here: the {item}'])
        : g.pick([
            "This week's deals",
            'The {month} sale starts now',
            'Weekend offers inside',
            '{pct} off {cat} ends soon',
            'Your weekly edit',
            'Just landed in {Cat}',
            'Newsletter | {month} edition',
            'News from {brand}',
          ]),
    )}`,
  );
  blocks.push(
    g.pick([`Hi ${p.reader},`, `Dear ${p.reader},`, 'Hello,', `Hey ${p.reader},`, 'Dear customer,']) +
      '\n' +
      paragraph(p, announce ? ANNOUNCE : PROMO, 1, 3),
  );
  const layout = int(g, 0, 2);
  const tile = (): string => {
    const name = cap(item(g, p.dept));
    const now = int(g, 5, 160);
    const cents = g.pick(['.99', '.50', '.00', '.95']);
    if (layout === 0) {
      const was = g.random() < 0.5 ? ` (was ${p.cur}${Math.round(now * (1.2 + g.random()))}${cents})` : '';
      return `${name}\n${p.cur}${now}${cents}${was}\nShop now >`;
    }
    if (layout === 1) return `* ${name} - now ${p.cur}${now}${cents}`;
    return `${name} | ${p.cur}${now}${cents} | ${g.pick(['Bestseller', 'New', 'Low stock', 'Online only', 'Back in stock'])}`;
  };
  let tiles = 0;
  let coded = false;
  grow(blocks, target - 500, () => {
    const r = g.random();
    if (r < 0.3 && tiles < 3) {
      tiles++;
      const heading = g.pick([
        '',
        'Top picks for you',
        'Trending now',
        'Back in stock',
        'Under {threshold}',
        'New this week',
      ]);
      const lines = Array.from({ length: int(g, 2, 4) }, tile);
      return [fill(p, heading), ...lines].filter(Boolean).join(layout === 0 ? '\n\n' : '\n');
    }
    if (r < 0.4 && !coded) {
      coded = true;
      return fill(
        p,
        g.pick([
          'USE CODE: {code}',
          'Your code: {code}',
          'Enter {code} at checkout',
          'Code {code} | Ends {day}',
        ]),
      );
    }
    if (r < 0.7) {
      const b = paragraph(p, g.random() < 0.5 ? BULLETIN : NEWS_BLOCK, 1, 3);
      if (b) return `${b}${g.pick(['', '\nRead more', '\nFind out more >', '\nRead the full story'])}`;
    }
    return paragraph(p, announce ? [...ANNOUNCE, ...PROMO] : PROMO, 1, 3) || paragraph(p, BULLETIN, 1, 2);
  });
  blocks.push(bullets(p, SMALL_PRINT, 1, 3, g.pick(['', '*', '* '])));
  blocks.push(paragraph(p, UNSUBSCRIBE, 2, 5));
  return blocks.filter(Boolean).join('\n\n');
}

// ---------------------------------------------------------------- mailing-list digests
interface ListTopic {
  list: string;
  subjects: readonly string[];
  replies: readonly string[];
}
const LIST_TOPICS: readonly ListTopic[] = [
  {
    list: 'Beekeepers',
    subjects: [
      'Swarm collected near {town}',
      'Varroa counts after treatment',
      'Feeding fondant in a mild winter',
      'Queen cells in a nucleus',
      'Honey extractor to lend',
      'Wax moth in stored frames',
      'Association apiary open day',
    ],
    replies: [
      'I had the same thing last spring; in the end the colony sorted itself out within a fortnight.',
      'My counts were under ten a day after the second round, which seems about normal for this time of year.',
      'Fondant is fine as long as it sits right over the cluster.',
      'Worth checking whether the old queen is still there before you do anything drastic.',
      'The association has two extractors; ring {first} to book one.',
      'Freezing the frames for 48 hours before storing them works for me.',
      'There will be tea and cake at the apiary from 2pm, and a beginners’ talk at three.',
    ],
  },
  {
    list: 'Cycling-club',
    subjects: [
      'Sunday ride from {town}: route and start time',
      'Puncture-resistant tyres?',
      'Road closures on the {road} climb',
      'Club kit order deadline',
      'Lights for winter commuting',
      'Audax calendar for next year',
      'Lost glove at the café stop',
    ],
    replies: [
      'We will meet at the church at 8.30 and aim to be at the café by eleven.',
      'I have had two seasons out of a pair without a single flat, though they are slow on climbs.',
      'The council notice says the road reopens at the end of the month.',
      'Kit orders close on {date}; sizes run small, so go up one.',
      'A 400-lumen front light is plenty for lit roads, more if you ride the lanes.',
      'Count me in for the 200 in {month}.',
      'A black one was handed in at the counter; it is behind the till.',
    ],
  },
  {
    list: 'Allotment-society',
    subjects: [
      'Water troughs back on',
      'Blight on the top plots',
      'Seed swap on {date}',
      'Spare rhubarb crowns',
      'Shed repairs working party',
      'Rent reminders',
      'Manure delivery',
    ],
    replies: [
      'The water was turned back on this morning, but the trough by the gate still leaks.',
      'Mine went the same way; I have cut the haulms down and hope the tubers are sound.',
      'I will bring runner bean and chard seed, and a box of envelopes.',
      'I have four crowns going spare if anyone can collect them before the weekend.',
      'Bring gloves and a hammer; the committee will supply the felt.',
      'Rent is due by the end of the month and can be paid at the hut on Saturday mornings.',
      'The load will be tipped by the main gate; help yourselves, two barrows per plot.',
    ],
  },
  {
    list: 'Astro-society',
    subjects: [
      'Clear skies forecast for {day}',
      'Observing evening at the dark site',
      'Collimating a reflector',
      'Meteor shower peak',
      'Talk: the outer planets',
      'Secondhand eyepieces for sale',
      'Light pollution survey',
    ],
    replies: [
      'The forecast looks good from ten until about two, then cloud from the west.',
      'The gate code is the same as last year; park on the hard standing, not the grass.',
      'A cheap laser collimator got me most of the way, then a star test for the last bit.',
      'The peak is around 3am, but the hour before dawn is best once the moon has set.',
      'Slides from the talk are on the society page for members.',
      'I would be interested in the 25mm if it is still available.',
      'We counted stars in the square of Pegasus from {num} gardens across town.',
    ],
  },
  {
    list: 'Linux-users',
    subjects: [
      'Printer not found after upgrade',
      'Install fest at the library',
      'Backing up to an external drive',
      'Which distribution for an old laptop?',
      'Wi-Fi drops after suspend',
      'Meeting notes from {month}',
      'Mirror down?',
    ],
    replies: [
      'Reinstalling the driver package fixed it for me, after a reboot.',
      'We will have spare USB sticks and two volunteers on the door from 10am.',
      'rsync with the archive flag has served me well for years.',
      'Anything with a lightweight desktop will be fine on 2 GB of memory.',
      'Try reloading the wireless module after resume; there is a known bug in that driver.',
      'Thanks to everyone who came, and to {first} for the talk on shell scripting.',
      'It is back now; the host had a power cut overnight.',
    ],
  },
  {
    list: 'Choir-members',
    subjects: [
      'Rehearsal moved to the church hall',
      'Concert dress code',
      'Alto part for the Mozart',
      'Tickets for the spring concert',
      'Car share from {town}',
      'Subs for next term',
      'Recordings of the practice tracks',
    ],
    replies: [
      'Same time, 7.30, but the hall is round the back; the main doors will be locked.',
      'Black, with a coloured scarf if you have one.',
      'The alto line in bar 42 is tricky; practice tracks are on the website.',
      'Tickets are {small}, or free for under-16s, and can be bought at the door.',
      'I drive past the station at seven and have room for two.',
      'Subs are unchanged this term, payable by bank transfer.',
      'The tenor track has the wrong starting note; a corrected version is up now.',
    ],
  },
  {
    list: 'Homebrew',
    subjects: [
      'Stuck fermentation',
      'Bottling vs kegging',
      'Water profile for a pale ale',
      'Hop substitutions',
      'Competition results',
      'Cleaning a plate chiller',
      'Group buy of malt',
    ],
    replies: [
      'Move it somewhere warmer and give it a gentle swirl; it usually restarts within a day.',
      'Bottling is cheaper to start with, but kegging saves a whole evening each batch.',
      'Our water is very hard, so I cut it half and half with bottled.',
      'Any citrusy hop will do at that late addition.',
      'Congratulations to {first}, whose porter took first place in the dark beer class.',
      'Hot water, then a caustic soak, then rinse until it runs clear.',
      'Put your name down by Friday; delivery to {town} is free over ten sacks.',
    ],
  },
];
const DIGEST_CHATTER = [
  'Thanks, that is really useful.',
  'Same here.',
  'Has anyone else seen this?',
  'I can bring a spare if needed.',
  'Good idea, I will add it to the list for the next meeting.',
  'Apologies for the cross-post.',
  'Sorry for the slow reply, just catching up after a week away.',
  'Photos are on the club page if anyone wants a look.',
  'Let me know off-list and I will sort it out.',
  'Can we move this to the next meeting? It is getting long.',
  'Agreed.',
  'Many thanks to everyone who helped on the day.',
  'I will be away until {date}, so please copy {first} in.',
  'Does anyone have a phone number for the hall?',
  'Details are in the newsletter, page two.',
  'Just a reminder that the AGM is on {date}.',
];

function digest(p: Page, target: number): string {
  const g = p.g;
  const t = g.pick(LIST_TOPICS);
  const host = `lists.${slug(p.town)}.example.org`;
  const list = `${t.list}`;
  const vol = int(g, 1, 24);
  const issue = int(g, 1, 60);
  const year = int(g, 1999, 2024);
  const n = int(g, 3, 7);
  const subs: string[] = [];
  for (let i = 0; i < n; i++) subs.push(fill(p, `${g.random() < 0.6 ? 'Re: ' : ''}${g.pick(t.subjects)}`));
  const authors = subs.map(() => full(g));
  const blocks: string[] = [
    `${list} Digest, Vol ${vol}, Issue ${issue}`,
    [
      `Send ${list} mailing list submissions to\n\t${list.toLowerCase()}@${host}`,
      `To subscribe or unsubscribe via the World Wide Web, visit\n\thttp://${host}/mailman/listinfo/${list.toLowerCase()}\nor, via email, send a message with subject or body 'help' to\n\t${list.toLowerCase()}-request@${host}`,
      `You can reach the person managing the list at\n\t${list.toLowerCase()}-owner@${host}`,
      `When replying, please edit your Subject line so it is more specific\nthan "Re: Contents of ${list} digest..."`,
    ].join('\n\n'),
    `Today's Topics:\n\n${subs.map((s, i) => `   ${i + 1}. ${s} (${authors[i]})`).join('\n')}`,
  ];
  let i = 0;
  const message = (): string => {
    if (i >= n) return '';
    const who = authors[i]!;
    const addr = `${slug(who.split(' ')[0]!)}.${slug(who.split(' ')[1]!)}@example.${g.pick(['net', 'com', 'org'])}`;
    const hh = `${two(int(g, 6, 23))}:${two(int(g, 0, 59))}:${two(int(g, 0, 59))}`;
    const head = `Message: ${i + 1}\nDate: ${g.pick(SHORT_DAYS)}, ${int(g, 1, 28)} ${g.pick(SHORT_MONTHS)} ${year} ${hh} ${g.pick(['+0000', '+0100', '-0500', '-0800'])}\nFrom: ${who} <${addr}>\nSubject: ${subs[i]}`;
    const quote = g.random() < 0.45 ? `\n\n${g.pick(authors)} wrote:\n> ${fill(p, g.pick(t.replies))}` : '';
    const body = [fill(p, g.pick(t.replies)), g.random() < 0.5 ? fill(p, g.pick(DIGEST_CHATTER)) : '']
      .filter(Boolean)
      .join(' ');
    i++;
    return `------------------------------\n\n${head}${quote}\n\n${body}\n\n${who.split(' ')[0]}`;
  };
  blocks.push(message(), message());
  grow(blocks, target - 150, message);
  blocks.push(
    `------------------------------\n\n_______________________________________________\n${list} mailing list\n${list.toLowerCase()}@${host}\nhttp://${host}/mailman/listinfo/${list.toLowerCase()}\n\nEnd of ${list} Digest, Vol ${vol}, Issue ${issue}\n${'*'.repeat(int(g, 20, 40))}`,
  );
  return blocks.join('\n\n');
}

// ---------------------------------------------------------------- product pages
const PRODUCT_DESC = [
  'The {item} is designed for everyday use and built to last.',
  'Made from {material}, it has been tested to well beyond normal wear.',
  'We redesigned {feature} after listening to customer feedback.',
  'It arrives fully assembled, so it is ready to use straight out of the box.',
  'Finished by hand in our {town} workshop, every piece is slightly different.',
  'A practical choice for small spaces, it folds flat for storage.',
  'Pair it with the matching {item2} for a complete set.',
  'The understated design suits both traditional and modern homes.',
  'Care: wipe clean with a damp cloth; do not use abrasive cleaners.',
  'Supplied with a two-year guarantee as standard, extendable to five years when you register it online.',
  'Our bestselling design, now in three new colours for the season.',
  'Each purchase comes in recyclable packaging with no single-use plastic.',
  'Designed in {county} and made by a family-run factory we have worked with since {year}.',
  'Please allow 3-5 working days for delivery; larger items are delivered by a two-person team.',
  'Suitable for indoor and outdoor use.',
  'Not suitable for children under 36 months because of small parts.',
  'Replacement parts are available from our customer service team.',
];
const REVIEWS = [
  'Really pleased with it. {feature} feels solid and it looks better than in the photos.',
  'Good value for the price. Arrived a day early and well packed.',
  'Does exactly what it says. I would buy it again.',
  'Slightly smaller than I expected, so check the dimensions, but the quality is excellent.',
  'Bought this as a present for my {relation} and it went down very well.',
  'The colour is lovely, although {feature} could be a little sturdier.',
  'Took ten minutes to put together with the tools supplied.',
  'Second one I have bought. The first lasted six years of heavy use.',
  'Customer service were brilliant when the first one arrived damaged; a replacement came the next day.',
  'Not bad, but I have seen similar for less elsewhere.',
  'Five stars. Well made, and it has survived a winter outside without any rust.',
  'Assembly was easy; the diagrams were clear.',
  'I was unsure at first, but after a month of use I love it.',
  'Perfect size for our small flat.',
  'Returned it because {feature} did not suit us, but the refund was quick and painless.',
  'Heavier than it looks, which I take as a good sign.',
  'My only complaint is that the box was far bigger than it needed to be.',
];
const REVIEW_TITLES = [
  'Excellent',
  'Great value',
  'Does the job',
  'Sturdy and well made',
  'Lovely',
  'Smaller than expected',
  'Highly recommended',
  'Good but pricey',
  'Perfect gift',
  'Solid',
  'Not for me',
  'Fantastic quality',
];
const RELATIONS = words('mum dad sister brother neighbour son daughter partner godson niece grandad');

function stars(n: number): string {
  return '★'.repeat(n) + '☆'.repeat(5 - n);
}

function productPage(p: Page, target: number): string {
  const g = p.g;
  const cat = g.pick(p.dept.cats);
  const blocks: string[] = [
    `Home > ${p.dept.name} > ${cat}${g.random() < 0.4 ? ` > ${cap(p.item)}` : ''}`,
    `${cap(p.item)}\n${g.pick(['Item code', 'SKU', 'Product code'])}: ${String.fromCharCode(65 + int(g, 0, 25))}${int(g, 10000, 99999)}`,
    `${price(p)}${g.random() < 0.4 ? ` Was ${price(p)}` : ''}\n${g.pick([
      'In stock - order within 3 hrs for next-day delivery',
      'Only 4 left in stock',
      'Available to order: dispatched in 5-7 working days',
      'In stock at {town}. Check another store',
      'Free delivery on this item',
    ])}`.replace('{town}', p.town),
    g.pick([
      'Quantity: 1  [Add to basket]  [Save to wish list]',
      'Choose colour: Charcoal / Sage / Oat / Navy\nAdd to bag',
      'Size: Small | Medium | Large\nAdd to basket',
      'Enter your postcode to check delivery options.',
    ]),
    `Description\n${paragraph(p, PRODUCT_DESC, 2, 4)}`,
  ];
  const specs = [
    `Dimensions: ${int(g, 10, 180)} x ${int(g, 10, 120)} x ${int(g, 2, 90)} cm`,
    `Weight: ${int(g, 1, 25)}.${int(g, 0, 9)} kg`,
    `Material: ${g.pick(p.dept.materials)}`,
    `Colour: ${g.pick(words('Charcoal Sage Oat Navy Terracotta Ivory Slate Ochre Forest Graphite'))}`,
    `Guarantee: ${g.pick(['1 year', '2 years', '5 years', 'lifetime'])}`,
    `Assembly: ${g.pick(['not required', 'required, approx. 20 minutes', 'self-assembly, fixings included'])}`,
    `Country of origin: ${g.pick(['Portugal', 'United Kingdom', 'Vietnam', 'Poland', 'India', 'Italy', 'Taiwan'])}`,
  ];
  if (p.dept.name === 'Electronics')
    specs.push(
      `Battery: ${int(g, 8, 40)} hours`,
      `Connectivity: Bluetooth 5.${int(g, 0, 3)}, USB-C`,
      `Charging time: ${int(g, 1, 3)} hours`,
    );
  blocks.push(
    `Specifications\n${specs
      .filter(() => g.random() < 0.8)
      .map((s) => `- ${s}`)
      .join('\n')}`,
  );
  const avg = (int(g, 35, 49) / 10).toFixed(1);
  blocks.push(`Customer reviews\n${avg} out of 5 (${int(g, 3, 640)} reviews)`);
  grow(blocks, target - 200, () => {
    const r = sentence(p, REVIEWS);
    if (!r) return '';
    const who = `${g.pick(FIRST)}${g.random() < 0.5 ? `, ${g.pick(TOWNS)}` : ''}`;
    return `${stars(int(g, 3, 5))} ${g.pick(REVIEW_TITLES)}\n${who} - ${g.pick(['Verified purchase', 'Reviewed', 'Posted'])} ${int(g, 1, 28)} ${g.pick(MONTHS)} ${int(g, 2019, 2025)}\n${r}\nWas this helpful? Yes (${int(g, 0, 40)}) No (${int(g, 0, 5)})`;
  });
  blocks.push(
    g.pick([
      `Customers also bought\n${[1, 2, 3].map(() => `${cap(item(g, p.dept))} - ${price(p)}`).join('\n')}`,
      `Delivery and returns\nStandard delivery ${price(p, 2, 6)}, free over ${p.cur}50. Returns accepted within 30 days.`,
      'Questions about this product? Ask our team or read the FAQs.',
    ]),
  );
  return chrome(p, blocks);
}

// ---------------------------------------------------------------- FAQ pages
const FAQ: readonly (readonly [string, string])[] = [
  [
    'How long will my order take to arrive?',
    'Standard delivery takes 3-5 working days. Express orders placed before 2pm arrive the next working day.',
  ],
  [
    'Can I change or cancel my order?',
    'Yes, as long as it has not been dispatched. Sign in to your account and choose "Manage order", or call us on {phone}.',
  ],
  [
    'What is your returns policy?',
    'You can return unused items within 30 days for a full refund. Print a free returns label from your account page.',
  ],
  [
    'Do you deliver outside the UK?',
    'We deliver to most European countries. Duties and taxes may be charged on arrival.',
  ],
  [
    'How do I track my parcel?',
    'You will receive an e-mail with a tracking link once your order leaves our warehouse.',
  ],
  [
    'Which payment methods do you accept?',
    'We accept all major debit and credit cards, PayPal and gift cards.',
  ],
  [
    'I forgot my password. What should I do?',
    'Click "Forgotten password" on the sign-in page and enter your e-mail address. We will send you a link to set a new one.',
  ],
  [
    'Is my payment information secure?',
    'Yes. Card details are handled by our payment provider and are never stored on our servers.',
  ],
  [
    'Do you offer gift wrapping?',
    'Gift wrapping is available for {small} per item. Add a message at checkout and we will handwrite it on a card.',
  ],
  [
    'When will I receive my refund?',
    'Refunds are processed within 5 working days of us receiving your return. Your bank may take a few more days.',
  ],
  [
    'Can I collect my order from a shop?',
    'Yes, click and collect is free from any of our stores. We will text you when it is ready.',
  ],
  [
    'My item arrived damaged. What now?',
    'We are sorry about that. Send us a photo at {email} and we will arrange a replacement or refund.',
  ],
  [
    'Do you have a loyalty scheme?',
    'Members earn one point per pound spent and receive a voucher for every 500 points.',
  ],
  [
    'How do I unsubscribe from marketing e-mails?',
    'Use the Unsubscribe link at the bottom of any e-mail, or change your preferences in your account.',
  ],
  ['Are your products tested on animals?', 'No. None of our products or ingredients are tested on animals.'],
  [
    'Can I book an appointment?',
    'Appointments can be booked online up to six weeks ahead, or by phone during opening hours: {hours}.',
  ],
  ['What are your opening hours?', 'Our {town} shop is open {hours}. Hours may differ on bank holidays.'],
  [
    'Is there parking nearby?',
    'There is a pay-and-display car park on {road}, about two minutes away on foot.',
  ],
  [
    'Do you offer student discount?',
    'Yes, students save 10% with a valid student card or an online verification code.',
  ],
  [
    'How do I contact customer services?',
    'E-mail {email} or call {phone}, {hours}. We aim to reply within one working day.',
  ],
];

function faqPage(p: Page, target: number): string {
  const g = p.g;
  const blocks: string[] = [
    g.pick(['Frequently asked questions', 'Help centre: FAQs', 'FAQ', 'Questions and answers']),
    g.pick([
      'Can’t find what you are looking for? Contact us and we will be happy to help.',
      'Search our help articles or browse the topics below.',
      'Here are the questions we are asked most often.',
      '',
    ]),
  ];
  const style = g.pick(['qa', 'plain', 'numbered']);
  let n = 1;
  grow(blocks, target - 200, () => {
    const fresh = FAQ.filter(([q]) => !p.used.has(q));
    if (fresh.length === 0) return '';
    const [q, a] = g.pick(fresh);
    p.used.add(q);
    const ans = fill(p, a);
    if (style === 'qa') return `Q: ${q}\nA: ${ans}`;
    if (style === 'numbered') return `${n++}. ${q}\n${ans}`;
    return `${q}\n${ans}`;
  });
  blocks.push(
    fill(p, g.pick(['Still need help? Call {phone} or e-mail {email}.', 'Was this page helpful? Yes / No'])),
  );
  return chrome(p, blocks.filter(Boolean));
}

// ---------------------------------------------------------------- about us
const ABOUT = [
  '{brand} began in {year} at a kitchen table in {town}, with one idea and a borrowed van.',
  'Today we employ {hundred} people and serve customers in more than {num} countries.',
  'We still design everything in-house, and most of our range is made within a day’s drive of our warehouse.',
  'Our founders, {full} and {full}, met while working at a hardware shop on {road}.',
  'We believe good things should be built to last, and that repairs should be easy.',
  'Every supplier we work with signs our code of conduct and is visited at least once a year.',
  'In {year} we became a certified B Corporation, which means we are assessed on how we treat people and the planet.',
  'We are proud to pay every member of our team at least the real living wage.',
  'Our warehouse in {county} runs on renewable electricity, and we offset the emissions from every delivery.',
  'Customer service is handled by our own team in {town}, not by a call centre.',
  'We give one percent of our turnover to local environmental charities each year.',
  'What started as a market stall now has {num} shops, but the stall is still there on Saturdays.',
  'We would love to hear from you, whether you have a question, an idea or a complaint.',
  'Our design studio sits above the original shop, and visitors are welcome by appointment.',
  'We take on two apprentices every year and train them in every part of the business.',
  'Independent, family-owned and still growing.',
];
const VALUES = [
  'Quality first: we would rather sell fewer things that last longer.',
  'Honest prices, with no inflated “was” prices.',
  'Local makers wherever we can find them.',
  'Packaging that can go in the household recycling.',
  'A lifetime repair service on everything we make.',
  'Straight answers from real people.',
  'Fair pay across our supply chain.',
  'Fewer, better collections each year.',
];
const TEAM_ROLES = [
  'Founder and managing director',
  'Head of design',
  'Operations manager',
  'Customer services lead',
  'Buyer',
  'Workshop manager',
  'Finance director',
  'Marketing manager',
];

function aboutPage(p: Page, target: number): string {
  const g = p.g;
  const blocks: string[] = [
    g.pick(['About us', 'Our story', `About ${p.brand}`, 'Who we are']),
    paragraph(p, ABOUT, 2, 4),
  ];
  grow(blocks, target - 250, () => {
    const r = g.random();
    if (r < 0.3 && !p.used.has('values')) {
      p.used.add('values');
      return `${g.pick(['Our values', 'What we stand for', 'Our promise'])}\n${bullets(p, VALUES, 3, 5)}`;
    }
    if (r < 0.5 && !p.used.has('team')) {
      p.used.add('team');
      const lines: string[] = [];
      for (let i = int(g, 3, 5); i > 0; i--) lines.push(`${full(g)} - ${g.pick(TEAM_ROLES)}`);
      return `Meet the team\n${lines.join('\n')}`;
    }
    return paragraph(p, ABOUT, 2, 3);
  });
  blocks.push(
    fill(p, 'Contact us\n{brand}, {street}, {town}, {postcode}\nTelephone: {phone}\nE-mail: {email}'),
  );
  return chrome(p, blocks);
}

// ---------------------------------------------------------------- terms of service and privacy policy
const LEGAL: Record<string, readonly string[]> = {
  'Information we collect': [
    'We collect the information you give us when you create an account, place an order or contact us, such as your name, address, e-mail address and telephone number.',
    'When you visit our website we automatically collect technical data, including your IP address, browser type and the pages you view.',
    'We do not knowingly collect personal data from children under 13.',
    'If you pay by card, your payment details are processed by our payment provider and are not stored by us.',
    'We may receive information about you from delivery partners, for example confirmation that a parcel was delivered.',
  ],
  'How we use your information': [
    'We use your personal data to process orders, arrange delivery and handle returns.',
    'With your consent, we will send you marketing e-mails, which you may opt out of at any time.',
    'We use aggregated data to understand how our website is used and to improve it.',
    'We may use your data to prevent fraud and to comply with our legal obligations.',
    'Our lawful bases for processing are contract, legitimate interests, consent and legal obligation.',
  ],
  Cookies: [
    'Cookies are small text files placed on your device when you visit a website.',
    'Strictly necessary cookies keep the basket and login working and cannot be switched off.',
    'Analytics cookies tell us which pages are popular; they are set only if you allow them.',
    'You can change your cookie preferences at any time using the link in the footer of every page.',
    'Most browsers let you block or delete cookies, though parts of the site may then stop working.',
  ],
  'Data retention': [
    'We keep order records for six years after the end of the financial year in which the order was placed, as required by tax law.',
    'Account data is deleted two years after your last sign-in, unless you ask us to delete it sooner.',
    'Recordings of customer service calls are kept for 90 days for training and quality purposes.',
    'Marketing preferences are kept until you withdraw consent or close your account.',
  ],
  'Your rights': [
    'You have the right to access the personal data we hold about you and to ask us to correct it.',
    'You may ask us to erase your data or to restrict how we use it, subject to certain exceptions.',
    'You have the right to object to processing based on legitimate interests.',
    'If you are unhappy with how we have handled your data, you may complain to the Information Commissioner’s Office.',
    'To exercise any of these rights, write to our data protection officer at {email}.',
  ],
  'Orders and payment': [
    'All orders are subject to availability and acceptance. A contract is formed when we dispatch your goods.',
    'Prices include VAT at the prevailing rate but exclude delivery charges unless stated.',
    'We reserve the right to refuse or cancel an order where a price has been displayed in error.',
    'Payment is taken when your order is placed.',
  ],
  Liability: [
    'Nothing in these terms limits our liability for death or personal injury caused by our negligence.',
    'We are not liable for losses that were not reasonably foreseeable when the contract was formed.',
    'Our total liability to you for any order shall not exceed the price paid for that order.',
    'We are not responsible for delays caused by events outside our reasonable control.',
  ],
  'Governing law': [
    'These terms are governed by the laws of England and Wales.',
    'Any dispute shall be subject to the non-exclusive jurisdiction of the courts of England and Wales.',
    'If you live in Scotland or Northern Ireland, you may also bring proceedings in your local courts.',
    'If any provision of these terms is found to be invalid, the remaining provisions shall continue in full force.',
  ],
  'Changes to this policy': [
    'We may update this policy from time to time. The date at the top of the page shows when it was last changed.',
    'Where changes are significant, we will tell you by e-mail before they take effect.',
    'Previous versions are available on request.',
  ],
};

function legalPage(p: Page, target: number): string {
  const g = p.g;
  const privacy = g.random() < 0.5;
  const blocks: string[] = [
    `${privacy ? g.pick(['Privacy policy', 'Privacy notice', 'How we use your data']) : g.pick(['Terms and conditions', 'Terms of service', 'Terms of sale', 'Website terms of use'])}\nLast updated: ${int(g, 1, 28)} ${g.pick(MONTHS)} ${int(g, 2018, 2025)}`,
    fill(
      p,
      privacy
        ? '{brand} ("we", "us", "our") is committed to protecting your privacy. This notice explains what personal data we collect, why we collect it and how long we keep it.'
        : 'These terms apply to your use of {domain} and to any order you place with {brand} Ltd, a company registered in England and Wales whose registered office is at {street}, {town}, {postcode}. Please read them carefully before placing an order.',
    ),
  ];
  const heads = privacy
    ? [
        'Information we collect',
        'How we use your information',
        'Cookies',
        'Data retention',
        'Your rights',
        'Changes to this policy',
      ]
    : [
        'Orders and payment',
        'Liability',
        'Cookies',
        'Governing law',
        'Changes to this policy',
        'Data retention',
      ];
  let n = 1;
  grow(blocks, target - 150, () => {
    const h = heads.find((x) => !p.used.has(x));
    if (!h) return '';
    p.used.add(h);
    return `${n++}. ${h}\n${paragraph(p, LEGAL[h]!, 2, 4)}`;
  });
  blocks.push(
    fill(
      p,
      'Contact\nIf you have any questions about this document, write to {brand}, {street}, {town}, {postcode}, or e-mail {email}.',
    ),
  );
  return chrome(p, blocks);
}

// ---------------------------------------------------------------- job postings
/** Each vacancy with duties that belong to it; the shared list below is added to every one. */
const JOBS: readonly (readonly [string, readonly string[]])[] = [
  [
    'Warehouse operative',
    [
      'Picking, packing and dispatching orders accurately and on time',
      'Unloading deliveries and checking them against the paperwork',
      'Operating a counterbalance forklift (licence provided)',
    ],
  ],
  [
    'Senior frontend engineer',
    [
      'Building accessible, well-tested interfaces with the product team',
      'Reviewing code and mentoring two junior developers',
      'Improving page performance on slow mobile connections',
    ],
  ],
  [
    'Customer service adviser',
    [
      'Answering calls, e-mails and live chats from customers',
      'Arranging refunds, replacements and collections',
      'Logging feedback so that recurring problems get fixed',
    ],
  ],
  [
    'Bookkeeper (part-time)',
    [
      'Keeping the purchase and sales ledgers up to date',
      'Preparing quarterly VAT returns',
      'Running the monthly payroll for {num} staff',
    ],
  ],
  [
    'Head chef',
    [
      'Planning seasonal menus and ordering stock within budget',
      'Leading a kitchen team of six',
      'Keeping food safety records up to date',
    ],
  ],
  [
    'Community nurse',
    [
      'Visiting patients at home and coordinating care with local surgeries',
      'Managing wound care and medication reviews',
      'Supporting families and carers',
    ],
  ],
  [
    'Graduate civil engineer',
    [
      'Supporting site inspections and preparing technical drawings',
      'Checking drainage calculations',
      'Attending progress meetings with contractors',
    ],
  ],
  [
    'Marketing executive',
    [
      'Writing copy for e-mail campaigns and social media',
      'Reporting on campaign results each month',
      'Organising our stand at two trade shows a year',
    ],
  ],
  [
    'Store manager',
    [
      'Leading a team of {num} and opening and closing the shop',
      'Setting weekly rotas and sales targets',
      'Keeping the shop floor tidy, safe and well stocked',
    ],
  ],
  [
    'Delivery driver',
    [
      'Loading the van and planning efficient routes',
      'Delivering up to 90 parcels a day',
      'Taking payment and signatures on a handheld device',
    ],
  ],
  [
    'Data analyst',
    [
      'Producing weekly reports and dashboards for managers',
      'Cleaning and joining data from several sources',
      'Explaining findings to people who are not analysts',
    ],
  ],
  [
    'Gardener and groundsperson',
    [
      'Mowing, hedge-cutting and keeping the grounds tidy',
      'Planting and maintaining the walled garden',
      'Looking after tools and small machinery',
    ],
  ],
  [
    'Receptionist',
    [
      'Greeting visitors and managing the meeting-room diary',
      'Answering the switchboard',
      'Sorting incoming and outgoing post',
    ],
  ],
  [
    'Laboratory technician',
    [
      'Preparing samples and keeping the laboratory stock records',
      'Calibrating and cleaning equipment',
      'Following safe working procedures for chemicals',
    ],
  ],
  [
    'Library outreach officer',
    [
      'Running events at branch libraries and schools',
      'Building links with community groups',
      'Recruiting and supporting volunteers',
    ],
  ],
  [
    'HGV mechanic',
    [
      'Servicing and repairing a fleet of {num} lorries',
      'Carrying out safety inspections',
      'Keeping accurate job cards and parts records',
    ],
  ],
];
const JOB_DUTIES = [
  'Taking part in the weekend rota, roughly one weekend in four',
  'Working closely with colleagues in other teams',
  'Helping to train new starters',
];
const JOB_NEEDS = [
  'A full, clean driving licence',
  'At least two years’ experience in a similar role',
  'Excellent written and spoken English',
  'Confidence with spreadsheets',
  'A friendly, patient manner on the phone',
  'A relevant degree, or equivalent experience',
  'A basic food hygiene certificate (or willingness to get one)',
  'An enhanced DBS check, which we will arrange',
  'The ability to lift up to 20 kg',
  'Experience of working to deadlines',
  'Good organisational skills and attention to detail',
  'Flexibility to work some evenings',
  'A valid professional registration',
];
const JOB_PERKS = [
  '25 days’ holiday plus bank holidays',
  'Contributory pension scheme',
  'Staff discount of 30%',
  'Cycle-to-work scheme',
  'Free parking on site',
  'Flexible and hybrid working',
  'Paid volunteering days',
  'Employee assistance programme',
  'Free lunch on Fridays',
  'Training budget of {big} a year',
  'Enhanced parental leave',
];
const JOB_TEXT = [
  '{brand} is looking for a reliable, motivated person to join our growing team in {town}.',
  'Hours are 37.5 a week, Monday to Friday, with some flexibility around school runs.',
  'You will report to the operations manager and work closely with colleagues across the business.',
  'No two days are the same, and you will have plenty of opportunity to learn.',
  'We offer full training, so previous experience is welcome but not essential.',
  'Interviews will take place in the week beginning {date}.',
  'We are an equal opportunities employer and welcome applications from all sections of the community.',
  'We are happy to talk about flexible working; let us know what would suit you.',
  'Applicants must have the right to work in the UK.',
  'Please note that we may close the vacancy early if we receive a high number of applications.',
];

function jobPage(p: Page, target: number): string {
  const g = p.g;
  const job = g.pick(JOBS);
  const lo = int(g, 21, 45) * 1000;
  const blocks: string[] = [
    `Careers > Current vacancies\n\n${job[0]}`,
    [
      `Location: ${p.town}, ${p.county}${g.random() < 0.3 ? ' (hybrid)' : ''}`,
      `Salary: ${p.cur}${lo.toLocaleString('en-GB')} - ${p.cur}${(lo + int(g, 2, 8) * 1000).toLocaleString('en-GB')} per year`,
      `Contract: ${g.pick(['Permanent', 'Fixed term, 12 months', 'Permanent, part-time (22.5 hours)', 'Seasonal'])}`,
      `Closing date: ${fill(p, '{date}')}`,
    ].join('\n'),
    `About the role\n${paragraph(p, JOB_TEXT, 2, 3)}`,
    `What you'll do\n${bullets(p, [...job[1], ...JOB_DUTIES], 3, 5)}`,
  ];
  grow(blocks, target - 200, () => {
    if (!p.used.has('needs')) {
      p.used.add('needs');
      return `What we're looking for\n${bullets(p, JOB_NEEDS, 3, 6)}`;
    }
    if (!p.used.has('perks')) {
      p.used.add('perks');
      return `Benefits\n${bullets(p, JOB_PERKS, 3, 6)}`;
    }
    return paragraph(p, JOB_TEXT, 1, 3);
  });
  blocks.push(
    fill(
      p,
      g.pick([
        'How to apply\nSend your CV and a short covering letter to {email}. For an informal chat about the role, call {full} on {phone}.',
        'How to apply\nClick Apply now and complete the online form. It takes about 15 minutes.',
        'Apply now\nSave this job | Share | Back to search results',
      ]),
    ),
  );
  return chrome(p, blocks);
}

// ---------------------------------------------------------------- event listings
const EVENT_TITLES = [
  'Farmers’ market',
  'Jazz on the green',
  'Family storytime',
  'Repair café',
  'Open-air cinema: a classic comedy',
  'Pub quiz in aid of the lifeboat station',
  'Guided heritage walk',
  'Craft fair',
  'Brass band concert',
  'Beginners’ pottery taster',
  'Dog show',
  'Tea dance',
  'Local history talk: the old tannery',
  'Christmas lights switch-on',
  'Plant sale',
  'Folk night',
  'Park run volunteers’ breakfast',
  'Comedy club',
  'Book signing',
  'Charity fun run',
];
const VENUES = [
  'the village hall',
  'the market square',
  'St Michael’s Church',
  'the community centre',
  'the town library',
  'the Memorial Park bandstand',
  'the Corn Exchange',
  'the Old Fire Station',
  'the leisure centre',
  'the Crown and Anchor',
  'the museum garden',
];
const EVENT_TEXT = [
  'Free entry, no need to book.',
  'Tickets {tickets}, available from the box office or on the door.',
  'Suitable for all ages; under-5s go free.',
  'Bring a picnic and a blanket; chairs are not provided.',
  'Booking essential as places are limited to {hundred}.',
  'Wheelchair accessible, with an accessible toilet on site.',
  'Refreshments will be served by the volunteers of the local WI.',
  'Stalls from more than {num} local producers, selling bread, cheese, cider and plants.',
  'Bring along anything broken and our volunteer fixers will try to mend it.',
  'All proceeds go to the {town} lifeboat station.',
  'Dogs on leads are welcome.',
  'In the event of bad weather the event will move indoors.',
  'Parking is limited, so please walk, cycle or use the bus if you can.',
  'Doors open 30 minutes before the start.',
  'Part of the {town} festival, which runs until {date}.',
  'Children must be accompanied by an adult at all times.',
];

function eventsPage(p: Page, target: number): string {
  const g = p.g;
  p.brand = g.pick([`Visit ${p.town}`, `${p.town} What’s On`, `${p.town} Community Noticeboard`]);
  const blocks: string[] = [
    fill(p, g.pick(["What's on in {town}", 'Events this month', 'Upcoming events', 'What’s on: {month}'])),
    g.pick([
      'Filter by: All | Music | Family | Talks | Markets | Sport',
      'Showing events near you. Change location',
      'Add your own event: it is free and takes two minutes.',
      '',
    ]),
  ];
  grow(blocks, target - 150, () => {
    const title = g.pick(EVENT_TITLES);
    const when = `${g.pick(SHORT_DAYS)} ${int(g, 1, 28)} ${g.pick(SHORT_MONTHS)}, ${fill(p, '{time}')}`;
    return `${title}\n${when} | ${cap(g.pick(VENUES))}, ${p.town}\n${paragraph(p, EVENT_TEXT, 1, 3)}${g.random() < 0.4 ? '\nMore info >' : ''}`;
  });
  return chrome(p, blocks.filter(Boolean));
}

// ---------------------------------------------------------------- property listings
const PROPERTY_TYPES = [
  'semi-detached house',
  'terraced cottage',
  'detached bungalow',
  'ground-floor flat',
  'converted barn',
  'end-of-terrace house',
  'penthouse apartment',
  'Victorian villa',
  'townhouse',
  'maisonette',
];
const PROPERTY_FEATURES = [
  'South-facing rear garden',
  'Off-road parking for two cars',
  'No onward chain',
  'Recently refitted kitchen',
  'Gas central heating',
  'Double glazing throughout',
  'Walking distance of the station',
  'Within the catchment for popular schools',
  'Original fireplaces',
  'Garage with power and light',
  'Loft room with planning potential',
  'Open views over fields',
  'Downstairs cloakroom',
  'Solar panels',
  'Allocated parking space',
];
const PROPERTY_TEXT = [
  'A well-presented family home in a quiet cul-de-sac on the edge of {town}.',
  'The accommodation comprises an entrance hall, a bay-fronted sitting room and an open-plan kitchen and dining room.',
  'The bathroom has been refitted with a shower over the bath and heated towel rail.',
  'The rear garden is mainly laid to lawn, with a patio and a timber shed.',
  'The property benefits from a new boiler, fitted in {year}.',
  'The town centre, with its shops, cafés and weekly market, is a short walk away.',
  'Early viewing is strongly recommended.',
  'The current owners have lived here for {num} years and have extended the property to the rear.',
  'The sale includes the carpets, curtains and integrated appliances.',
  'Leasehold, with {num} years remaining; service charge of {big} a year.',
  'There is a primary school and a doctor’s surgery within half a mile.',
  'The property is offered for sale by private treaty.',
  'Many period features remain, including cornicing, sash windows and stripped floorboards.',
  'The loft is boarded and accessed by a pull-down ladder.',
];

function propertyPage(p: Page, target: number): string {
  const g = p.g;
  p.brand = `${g.pick(BRAND_A)} ${g.pick(['Estate Agents', 'Property', 'Homes', 'Lettings'])}`;
  const beds = int(g, 1, 5);
  const rent = g.random() < 0.3;
  const cost = rent
    ? `${p.cur}${(int(g, 55, 260) * 10).toLocaleString('en-GB')} pcm`
    : `${g.pick(['Guide price', 'Offers over', 'Asking price', 'Offers in the region of'])} ${p.cur}${(int(g, 90, 900) * 1000).toLocaleString('en-GB')}`;
  const blocks: string[] = [
    `Property ${rent ? 'to rent' : 'for sale'} > ${p.county} > ${p.town}`,
    `${beds} bedroom ${g.pick(PROPERTY_TYPES)} ${rent ? 'to rent' : 'for sale'}\n${fill(p, '{road}')}, ${p.town} ${postcode(g).split(' ')[0]}\n${cost}`,
    `Key features\n${bullets(p, PROPERTY_FEATURES, 4, 7)}`,
    `Description\n${paragraph(p, PROPERTY_TEXT, 3, 5)}`,
  ];
  const rooms = [
    'Sitting room',
    'Kitchen/diner',
    'Utility room',
    'Bedroom one',
    'Bedroom two',
    'Bathroom',
    'Study',
    'Conservatory',
  ];
  grow(blocks, target - 200, () => {
    if (!p.used.has('rooms')) {
      p.used.add('rooms');
      return rooms
        .filter(() => g.random() < 0.7)
        .map((r) => `${r}: ${int(g, 2, 6)}.${int(g, 0, 9)}m x ${int(g, 2, 5)}.${int(g, 0, 9)}m`)
        .join('\n');
    }
    return paragraph(p, PROPERTY_TEXT, 1, 3);
  });
  blocks.push(
    `Council tax band: ${g.pick(words('A B C D E F'))} | EPC rating: ${g.pick(words('B C D E'))} | Tenure: ${g.pick(['Freehold', 'Leasehold', 'Share of freehold'])}\n${g.pick(['Arrange a viewing', 'Request details', 'Book a valuation'])} | Call ${fill(p, '{phone}')}`,
  );
  return chrome(p, blocks);
}

// ---------------------------------------------------------------- weather pages
const SKY = [
  'Sunny',
  'Sunny intervals',
  'Light cloud',
  'Thick cloud',
  'Light rain showers',
  'Heavy rain',
  'Drizzle',
  'Mist',
  'Fog',
  'Thundery showers',
  'Sleet',
  'Light snow',
  'Clear sky',
  'Partly cloudy',
  'Breezy',
];
const WINDS = words('N NE E SE S SW W NW');
const WEATHER_TEXT = [
  'A dry, bright start, with cloud building from the west through the afternoon.',
  'Outbreaks of rain will clear eastwards by mid-morning, leaving sunny spells and a few showers.',
  'Fog patches will be slow to lift in sheltered valleys.',
  'Feeling colder than recent days in a brisk northerly wind.',
  'A frost is likely in rural areas overnight, with temperatures close to freezing.',
  'Showers may turn heavy and thundery later, with the risk of hail.',
  'Largely dry and settled for the weekend, though rather cloudy at times.',
  'Rain becomes persistent this evening, heaviest over high ground.',
  'Winds easing through the night as high pressure builds.',
  'Pollen levels will be high in the afternoon sunshine.',
  'UV levels moderate; sun cream is advised if you are outdoors for long periods.',
  'Temperatures rising a little above average by the middle of the week.',
  'Coastal gales are possible, and large waves may affect exposed promenades.',
  'Any early mist will soon clear, giving a fine, warm afternoon.',
  'Sleet and snow flurries are possible on hills above 300 metres.',
];

function weatherPage(p: Page, target: number): string {
  const g = p.g;
  p.brand = `${g.pick(BRAND_A)} Weather`;
  const t = int(g, -2, 26);
  const blocks: string[] = [
    `${p.town} weather forecast\n${g.pick(['Enter a town or postcode', 'Search for a location', 'Change location'])}`,
    `Today\n${g.pick(SKY)}, ${t}°C${g.random() < 0.5 ? ` (feels like ${t - int(g, 0, 4)}°C)` : ''}\n${paragraph(p, WEATHER_TEXT, 2, 3)}`,
  ];
  const hourly: string[] = [];
  for (let h = int(g, 6, 12); h < 24 && hourly.length < 8; h += int(g, 1, 3))
    hourly.push(
      `${two(h)}:00  ${g.pick(SKY)}  ${t + int(g, -3, 3)}°C  ${g.pick(WINDS)} ${int(g, 4, 40)} mph  rain ${int(g, 0, 9) * 10}%`,
    );
  blocks.push(`Hour by hour\n${hourly.join('\n')}`);
  grow(blocks, target - 150, () => {
    if (!p.used.has('week')) {
      p.used.add('week');
      const start = int(g, 0, 6);
      const lines = [0, 1, 2, 3, 4, 5, 6].map((i) => {
        const hi = t + int(g, -4, 4);
        return `${SHORT_DAYS[(start + i) % 7]}  ${g.pick(SKY)}  ${hi}° / ${hi - int(g, 3, 9)}°  wind ${g.pick(WINDS)} ${int(g, 3, 30)} mph`;
      });
      return `7-day forecast\n${lines.join('\n')}`;
    }
    if (!p.used.has('sun')) {
      p.used.add('sun');
      return `Sunrise ${two(int(g, 4, 8))}:${two(int(g, 0, 59))}  Sunset ${two(int(g, 16, 21))}:${two(int(g, 0, 59))}\nUV index: ${g.pick(['Low', 'Moderate', 'High'])}  Pollen: ${g.pick(['Low', 'Moderate', 'High', 'Very high'])}  Air quality: ${g.pick(['Low', 'Moderate'])}\nHumidity ${int(g, 45, 98)}%  Pressure ${int(g, 980, 1035)} mb  Visibility ${g.pick(['Good', 'Moderate', 'Poor', 'Very good'])}`;
    }
    const s = paragraph(p, WEATHER_TEXT, 1, 3);
    return s
      ? `${g.pick(['Outlook', 'Regional forecast', 'Tonight', 'Tomorrow', 'Further ahead'])}\n${s}`
      : '';
  });
  if (g.random() < 0.3)
    blocks.push(
      `${g.pick(['Yellow', 'Amber'])} warning: ${g.pick(['rain', 'wind', 'ice', 'fog', 'thunderstorms'])}, ${fill(p, '{day}')} ${two(int(g, 0, 12))}:00 to ${two(int(g, 13, 23))}:00. Travel disruption is possible.`,
    );
  return chrome(p, blocks);
}

// ---------------------------------------------------------------- sports results
const CLUBS = words(`Rovers United Athletic Wanderers Albion Town Harriers Rangers City Villa Corinthians
  Swifts Saints Olympic Celtic Borough`);
const SPORTS = ['football', 'rugby', 'hockey', 'netball', 'basketball'] as const;
const SPORT_TEXT: Record<string, readonly string[]> = {
  football: [
    'A first-half header from {first} put the hosts ahead before the break.',
    'The visitors equalised from the penalty spot midway through the second half.',
    'A late free kick deep into stoppage time settled a tight contest.',
    'Both sides hit the woodwork in an entertaining opening twenty minutes.',
    'The goalkeeper made a string of fine saves to keep the score respectable.',
    'The win lifts them to {ordinal} in the table, three points off the play-off places.',
  ],
  rugby: [
    'Two tries in the opening quarter gave the home side a platform they never surrendered.',
    'The fly-half kicked four penalties and a conversion.',
    'A yellow card just before half time left the visitors a player short for ten minutes.',
    'The forwards dominated the scrum throughout.',
    'A late converted try earned the losers a bonus point.',
    'The result keeps them unbeaten at home this season.',
  ],
  hockey: [
    'A short corner routine finally paid off in the third quarter.',
    'The home side pressed high and forced a series of turnovers.',
    'The match was settled by a penalty shoot-out after a goalless draw.',
    'A reverse-stick shot from the top of the circle levelled the scores.',
    'The umpires showed two green cards in a scrappy second half.',
    'Next week they travel to the league leaders.',
  ],
  netball: [
    'The shooters were near-perfect in the opening quarter.',
    'Strong defending in the circle turned the game in the final quarter.',
    'The centre pass was won back repeatedly by the visitors’ wing defence.',
    'The result leaves the division title race wide open.',
    'A young squad showed real promise despite the defeat.',
    'Player of the match went to the goal keeper for a string of interceptions.',
  ],
  basketball: [
    'A 12-0 run at the start of the fourth quarter decided the game.',
    'The point guard finished with {num} points and nine assists.',
    'Free-throw shooting let the visitors down in the closing minutes.',
    'The hosts led by double digits at half time.',
    'The game went to overtime after a buzzer-beater from the corner.',
    'Rebounding was the difference, with the home side winning that battle by fifteen.',
  ],
};
const ORDINALS = words('second third fourth fifth sixth seventh eighth ninth');

function sportsPage(p: Page, target: number): string {
  const g = p.g;
  p.brand = g.pick([`${p.county} Sport`, `The ${p.town} Gazette`, `${p.town} Echo`]);
  const sport = g.pick(SPORTS);
  const named = new Set<string>();
  const team = (): string => {
    for (;;) {
      const t = `${g.pick(TOWNS)} ${g.pick(CLUBS)}`;
      if (!named.has(t)) {
        named.add(t);
        return t;
      }
    }
  };
  const score = (): [number, number] =>
    sport === 'football' || sport === 'hockey'
      ? [int(g, 0, 5), int(g, 0, 4)]
      : sport === 'rugby'
        ? [int(g, 3, 45), int(g, 0, 40)]
        : [int(g, 30, 110), int(g, 28, 105)];
  const league = `${p.county} ${g.pick(['Premier Division', 'League One', 'Division Two', 'Senior League', 'Championship'])}`;
  const blocks: string[] = [`Sport > ${cap(sport)} > Results\n\n${league}: results, ${fill(p, '{date}')}`];
  const lines: string[] = [];
  for (let i = int(g, 4, 8); i > 0; i--) {
    const [a, b] = score();
    lines.push(
      `${team()} ${a}-${b} ${team()}${g.random() < 0.15 ? ' (postponed)' : ''}`.replace(
        / \d+-\d+ (.*) \(postponed\)/,
        ' P-P $1',
      ),
    );
  }
  blocks.push(lines.join('\n'));
  const home = team();
  const away = team();
  const [a, b] = score();
  blocks.push(
    `Match report: ${home} ${a} ${away} ${b}\n${paragraph(
      p,
      SPORT_TEXT[sport]!.map((s) => s.replace('{ordinal}', g.pick(ORDINALS))),
      3,
      5,
    )}`,
  );
  grow(blocks, target - 150, () => {
    if (!p.used.has('table')) {
      p.used.add('table');
      const rows: string[] = ['Pos  Team  P  W  D  L  Pts'];
      let pts = int(g, 30, 50);
      for (let i = 1; i <= int(g, 5, 8); i++) {
        const pl = int(g, 14, 20);
        const w = Math.min(pl, Math.floor(pts / 3));
        rows.push(
          `${i}  ${team()}  ${pl}  ${w}  ${pts - w * 3}  ${Math.max(0, pl - w - (pts - w * 3))}  ${pts}`,
        );
        pts -= int(g, 0, 4);
      }
      return `Table\n${rows.join('\n')}`;
    }
    if (!p.used.has('fixtures')) {
      p.used.add('fixtures');
      const f: string[] = [];
      for (let i = int(g, 3, 6); i > 0; i--) f.push(`${team()} v ${team()}, ${fill(p, '{time}')}`);
      return `Fixtures, ${fill(p, '{date}')}\n${f.join('\n')}`;
    }
    return '';
  });
  return chrome(p, blocks);
}

// ---------------------------------------------------------------- recipe pages
const DISHES = [
  'lemon and thyme roast chicken',
  'smoky black bean chilli',
  'pea and mint risotto',
  'spiced lentil soup',
  'salmon and dill fishcakes',
  'mushroom and chestnut pie',
  'chickpea and spinach curry',
  'courgette fritters',
  'slow-cooked beef ragù',
  'halloumi and roasted pepper salad',
  'miso-glazed aubergine',
  'lamb and apricot tagine',
  'prawn and coconut noodles',
];
const BAKES = [
  'sticky ginger parkin',
  'rhubarb crumble',
  'blackberry and apple traybake',
  'cheese and onion scones',
  'banana and walnut loaf',
  'lemon drizzle cake',
  'oat and raisin cookies',
];
/** Ingredients and steps in cooking order; a page keeps a subset in that order. */
const SAVOURY_ING = [
  '2 tbsp rapeseed oil',
  '1 large onion, finely chopped',
  '3 garlic cloves, crushed',
  '1 thumb-sized piece of root ginger, grated',
  '1 tsp smoked paprika',
  '½ tsp ground turmeric',
  'a pinch of chilli flakes',
  '1 red pepper, deseeded and sliced',
  '500g waxy potatoes, halved',
  '400g tin chopped tomatoes',
  '400g tin chickpeas, drained',
  '250ml vegetable stock',
  '2 tbsp soy sauce',
  '1 tbsp honey',
  '200g basmati rice',
  '300g baby spinach',
  '100g frozen peas',
  '3 spring onions, sliced',
  '1 unwaxed lemon, zested and juiced',
  'a small bunch of flat-leaf parsley',
  '150g natural yoghurt',
  'sea salt and black pepper',
];
const BAKING_ING = [
  '225g self-raising flour',
  '1 tsp baking powder',
  '1 tsp ground ginger',
  'a pinch of salt',
  '75g unsalted butter, softened',
  '100g light muscovado sugar',
  '2 tbsp golden syrup',
  '2 medium eggs, beaten',
  '100ml whole milk',
  '2 ripe bananas, mashed',
  '75g walnuts, roughly chopped',
  '50g grated cheddar',
  '300g rhubarb, cut into chunks',
  '1 unwaxed lemon, zested and juiced',
  '50g demerara sugar, for the top',
];
const SAVOURY_METHOD = [
  'Heat the oil in a large, heavy-based pan over a medium heat.',
  'Add the onion and a pinch of salt and cook for 8-10 minutes until soft and golden.',
  'Stir in the garlic and spices and cook for another minute until fragrant.',
  'Tip in the tomatoes and stock, bring to a simmer and cook, uncovered, for 20 minutes.',
  'Meanwhile, cook the rice according to the pack, then drain and keep warm.',
  'Stir through the spinach until just wilted.',
  'Transfer to a baking dish, top with the cheese and grill until bubbling.',
  'Season to taste, then scatter over the herbs and serve with the yoghurt.',
  'Squeeze over the lemon juice just before serving.',
];
const BAKING_METHOD = [
  'Heat the oven to {oven} and line a 900g loaf tin with baking paper.',
  'Rub the butter into the flour with your fingertips until the mixture resembles breadcrumbs.',
  'Fold through the sugar, then add the eggs and milk and mix to a soft batter.',
  'Spoon into the lined tin and smooth the top with the back of a spoon.',
  'Scatter over the demerara sugar.',
  'Bake for 35-40 minutes, until a skewer inserted into the middle comes out clean.',
  'Leave to cool in the tin for 10 minutes before turning out onto a wire rack.',
  'Chill for at least an hour, or overnight if you have time.',
];
const inOrder = (g: Gen, pool: readonly string[], keep: number): string[] =>
  pool.filter(() => g.random() < keep);
const RECIPE_CHAT = [
  'This is the dish I make when friends come round at short notice, because most of it comes from the cupboard.',
  'It freezes beautifully, so I always make a double batch.',
  'My children ask for this every week, which says a lot.',
  'The secret is patience: let the onions take their time.',
  'You can swap the spinach for kale, or leave it out entirely.',
  'Leftovers make an excellent packed lunch the next day.',
  'I first ate something like this on holiday in {town2}, and have been tinkering with it ever since.',
  'Tip: line the tin with a single strip of baking paper to make lifting it out easier.',
  'For a vegan version, use a plant-based yoghurt and skip the honey.',
  'It keeps in an airtight tin for up to five days.',
];
const RECIPE_COMMENTS = [
  'Made this last night and it was delicious. I added a little more chilli.',
  'Easy to follow and the whole family enjoyed it.',
  'Could I use plain flour and baking powder instead?',
  'Five stars, this is going in the regular rotation.',
  'Mine took ten minutes longer in the oven, but it turned out perfectly.',
  'I halved the sugar and it was still plenty sweet.',
  'Lovely recipe, thank you. Worked well with sweet potato too.',
  'Froze half and it reheated really well.',
];

function recipePage(p: Page, target: number): string {
  const g = p.g;
  const baked = g.random() < 0.4;
  const dish = g.pick(baked ? BAKES : DISHES);
  const blocks: string[] = [
    `Recipes > ${g.pick(baked ? ['Baking', 'Puddings', 'Teatime'] : ['Dinner', 'Vegetarian', 'Quick and easy', 'Family meals'])} > ${cap(dish)}`,
    `${cap(dish)}\n${g.pick(['By', 'Recipe by', 'From the kitchen of'])} ${full(g)}\nPrep: ${int(g, 1, 6) * 5} mins | Cook: ${int(g, 2, 18) * 5} mins | Serves ${int(g, 2, 8)}\nRating: ${(int(g, 38, 50) / 10).toFixed(1)} (${int(g, 4, 300)} ratings)`,
    paragraph(p, RECIPE_CHAT, 1, 3),
    `Ingredients\n${inOrder(g, baked ? BAKING_ING : SAVOURY_ING, 0.55)
      .map((x) => `- ${x}`)
      .join('\n')}`,
  ];
  const steps = inOrder(g, baked ? BAKING_METHOD : SAVOURY_METHOD, 0.75).map(
    (x, i) => `${i + 1}. ${fill(p, x)}`,
  );
  blocks.push(`Method\n${steps.join('\n')}`);
  grow(blocks, target - 150, () => {
    if (!p.used.has('nutrition')) {
      p.used.add('nutrition');
      return `Nutrition per serving\nkcal ${int(g, 180, 720)} | fat ${int(g, 4, 40)}g | saturates ${int(g, 1, 18)}g | carbs ${int(g, 10, 90)}g | sugars ${int(g, 2, 40)}g | fibre ${int(g, 1, 12)}g | protein ${int(g, 3, 45)}g | salt ${int(g, 1, 30) / 10}g`;
    }
    const c = blocks.length < 9 ? sentence(p, RECIPE_COMMENTS) : '';
    return c ? `${g.pick(FIRST)}${int(g, 1, 99)} · ${int(g, 1, 11)} months ago\n${c}\nReply` : '';
  });
  blocks.push(
    g.pick([
      'Rate this recipe: ☆☆☆☆☆',
      'Save recipe | Print | Share',
      'You may also like: more family meals',
    ]),
  );
  return chrome(p, blocks);
}

// ---------------------------------------------------------------- software documentation
const LIBS = words(`quillmap tidepool larkspur cobblestone windlass fathom brisket-cli kestrel-db meadowlark
  hexbin rivet sparrowhawk lanternjs tarn`);
const CONFIG_OPTIONS: readonly (readonly [string, string, string, string])[] = [
  ['port', 'number', '8080', 'TCP port the server listens on.'],
  ['host', 'string', '"127.0.0.1"', 'Interface to bind to. Use "0.0.0.0" to listen on all interfaces.'],
  ['logLevel', 'string', '"info"', 'One of "debug", "info", "warn" or "error".'],
  ['timeout', 'number', '30000', 'Request timeout in milliseconds.'],
  ['cacheDir', 'string', '"./.cache"', 'Where downloaded files are kept between runs.'],
  ['retries', 'number', '3', 'How many times a failed request is retried, with exponential backoff.'],
  ['compress', 'boolean', 'true', 'Gzip responses larger than 1 KB.'],
  ['maxConnections', 'number', '100', 'Upper limit on open connections.'],
  ['watch', 'boolean', 'false', 'Rebuild when source files change.'],
  ['outDir', 'string', '"dist"', 'Output directory for generated files.'],
  ['locale', 'string', '"en-GB"', 'Locale used for date and number formatting.'],
  ['strict', 'boolean', 'false', 'Treat warnings as errors.'],
  ['concurrency', 'number', 'CPU count', 'Number of worker threads.'],
  ['proxy', 'string', 'unset', 'HTTP proxy URL for outgoing requests.'],
];
const DOC_TEXT = [
  '{lib} is a small library for reading, validating and transforming tabular data.',
  'It has no runtime dependencies and works in Node.js 18 or later.',
  'The configuration file is read once at start-up; restart the process after changing it.',
  'Options given on the command line take precedence over the configuration file.',
  'All functions return promises and never throw synchronously.',
  'Paths are resolved relative to the directory containing the configuration file.',
  'If you are upgrading from version 1, read the migration guide first: several defaults have changed.',
  'Errors carry a stable code property, such as E_NOT_FOUND or E_TIMEOUT, which is safe to match on.',
  'The library is released under the MIT licence.',
  'Bug reports and pull requests are welcome on the issue tracker.',
  'Logging goes to standard error so that standard output can be piped to other tools.',
  'Windows is supported, but file watching is slower on network drives.',
  'Large inputs are streamed, so memory use stays flat regardless of file size.',
  'For production use, set logLevel to "warn" and enable compression.',
];
const CHANGES = [
  'Fixed a crash when the input file was empty.',
  'Added a --dry-run flag to the build command.',
  'Dropped support for Node.js 16.',
  'Improved error messages for malformed configuration files.',
  'The default timeout is now 30 seconds (was 10).',
  'Fixed a memory leak in the file watcher.',
  'Added TypeScript type declarations.',
  'Date parsing now respects the locale option.',
  'Deprecated the legacy callback API; it will be removed in the next major release.',
  'Updated dependencies to address a security advisory in a transitive package.',
  'Faster start-up on large projects (about 40% in our benchmarks).',
  'Fixed incorrect line numbers in warnings on Windows.',
  'Added a retry option for network requests.',
  'Documentation: new page on deploying behind a reverse proxy.',
];
const API_PARAMS: readonly (readonly [string, string, string])[] = [
  ['path', 'string', 'File or directory to read.'],
  ['options.encoding', 'string', 'Text encoding. Defaults to "utf8".'],
  ['options.signal', 'AbortSignal', 'Cancels the operation when aborted.'],
  ['options.limit', 'number', 'Maximum number of rows to return.'],
  ['options.headers', 'boolean', 'Whether the first row holds column names.'],
  ['options.delimiter', 'string', 'Field separator. Defaults to ",".'],
  ['options.onProgress', 'function', 'Called with the number of bytes read so far.'],
];

function docsPage(p: Page, target: number): string {
  const g = p.g;
  const lib = g.pick(LIBS);
  p.brand = `The ${lib} project`;
  const ver = `${int(g, 0, 5)}.${int(g, 0, 14)}.${int(g, 0, 9)}`;
  const fillLib = (s: string) => s.replace('{lib}', lib);
  const blocks: string[] = [
    `Docs > ${g.pick(['Getting started', 'Guides', 'Reference', 'Configuration'])}\n\n# ${lib} ${ver}`,
    paragraph(p, DOC_TEXT.map(fillLib), 1, 3),
  ];
  const sections = g.pick([
    ['install', 'config', 'api', 'changelog'],
    ['install', 'api', 'config'],
    ['changelog', 'install'],
    ['config', 'changelog', 'api'],
  ]);
  let s = 0;
  grow(blocks, target - 150, () => {
    const sec = sections[s++];
    if (sec === 'install') {
      const mgr = g.pick([
        `npm install ${lib}`,
        `pip install ${lib}`,
        `brew install ${lib}`,
        `cargo add ${lib}`,
        `yarn add ${lib}`,
      ]);
      return `## Installation\n\n1. Make sure you have a supported runtime installed.\n2. Install the package:\n\n    ${mgr}\n\n3. Check that it worked:\n\n    ${lib} --version\n    ${ver}\n\n${paragraph(p, DOC_TEXT.map(fillLib), 1, 2)}`;
    }
    if (sec === 'config') {
      const opts = CONFIG_OPTIONS.filter(() => g.random() < 0.5).slice(0, 7);
      return `## Configuration\n\nCreate ${lib}.config.${g.pick(['toml', 'yaml', 'json'])} in the project root. Available options:\n\n| Option | Type | Default | Description |\n|---|---|---|---|\n${opts.map(([n, t, d, x]) => `| ${n} | ${t} | ${d} | ${x} |`).join('\n')}`;
    }
    if (sec === 'api') {
      const fn = g.pick(['read', 'parse', 'load', 'openTable', 'scan', 'fetchRows']);
      const params = API_PARAMS.filter((_, i) => i === 0 || g.random() < 0.5);
      return `## API\n\n### ${fn}(path, options?)\n\nReturns a promise that resolves to a table.\n\nParameters:\n${params.map(([n, t, x]) => `  ${n.padEnd(20)} ${t.padEnd(12)} ${x}`).join('\n')}\n\nExample:\n\n    const table = await ${fn}('data/sales.csv', { limit: 100 });\n    console.log(table.rows.length);`;
    }
    if (sec === 'changelog') {
      const out: string[] = ['## Changelog'];
      const [maj, min] = ver.split('.').map(Number);
      for (let i = 0; i < int(g, 2, 4); i++) {
        out.push(
          `### ${maj}.${Math.max(0, (min ?? 0) - i)}.${int(g, 0, 5)} (${int(g, 2019, 2025)}-${two(int(g, 1, 12))}-${two(int(g, 1, 28))})\n${bullets(p, CHANGES, 1, 3)}`,
        );
      }
      return out.join('\n\n');
    }
    return '';
  });
  blocks.push(
    g.pick([
      `Edit this page on GitHub | Last updated ${int(g, 1, 28)} ${g.pick(MONTHS)} ${int(g, 2021, 2025)}`,
      '← Previous: Quick start | Next: Deployment →',
      `Found a mistake? Open an issue. © ${int(g, 2019, 2025)} The ${lib} contributors.`,
    ]),
  );
  return chrome(p, blocks);
}

// ---------------------------------------------------------------- forum threads
const FORUMS: readonly { board: string; title: readonly string[]; posts: readonly string[] }[] = [
  {
    board: 'Cars and motoring',
    title: [
      'Clunking noise over speed bumps',
      'Best winter tyres for a small hatchback?',
      'Dashboard warning light after service',
    ],
    posts: [
      'Sounds like a worn drop link to me. Cheap part and an easy job with the right socket.',
      'Had the same on mine, turned out to be the anti-roll bar bushes.',
      'Get it on a ramp before you start buying parts.',
      'I have run all-season tyres for three winters and would not go back.',
      'The garage probably just forgot to reset the service indicator. Check the handbook.',
      'Thanks all, it was the drop link. Fixed in half an hour on the drive.',
    ],
  },
  {
    board: 'Gardening',
    title: ['Yellow leaves on tomato plants', 'When to prune a plum tree?', 'Moss in the lawn'],
    posts: [
      'Lower leaves yellowing is normal later in the season; if it is the new growth, feed them.',
      'Plums should be pruned in summer to avoid silver leaf.',
      'Scarify in autumn, then overseed. Moss usually means shade or poor drainage.',
      'I gave up fighting the moss and now call it a feature.',
      'Water at the base, not over the leaves, and keep the greenhouse ventilated.',
      'Update: fed them with seaweed and the new growth looks much healthier.',
    ],
  },
  {
    board: 'Photography',
    title: ['First prime lens: 35mm or 50mm?', 'Blurry photos indoors', 'Storing old negatives'],
    posts: [
      'For street and travel I would take the 35; for portraits the 50.',
      'Your shutter speed is too slow. Raise the ISO or open the aperture.',
      'Acid-free sleeves in a cool, dry cupboard, and scan the ones you care about.',
      'Try both at the camera shop if you can; it is a personal thing.',
      'Modern sensors handle ISO 3200 perfectly well, so do not be afraid of it.',
      'Went with the 35 in the end. Very happy so far, thanks for the advice.',
    ],
  },
  {
    board: 'DIY and home improvement',
    title: ['Damp patch on bedroom ceiling', 'Hanging a heavy mirror on plasterboard', 'Bleeding radiators'],
    posts: [
      'Check the roof above it first; a slipped tile is the usual culprit.',
      'Use proper cavity fixings rated for the weight, or better still find a stud.',
      'Turn the heating off first, and have a cloth ready for the drips.',
      'Could also be condensation if the room is not ventilated.',
      'A stud finder is worth every penny.',
      'Roofer came round and found a cracked flashing. Sorted now.',
    ],
  },
  {
    board: 'Cycling',
    title: ['Tubeless conversion worth it?', 'Creaking bottom bracket', 'Commuting in the rain'],
    posts: [
      'Tubeless transformed my winter riding: fewer punctures and a softer ride.',
      'Clean and grease the threads, it is often the cheapest fix.',
      'Full mudguards make more difference than any jacket.',
      'Messy to set up the first time, easy after that.',
      'Could also be the pedals or the seatpost, so check those first.',
      'Overshoes and a spare pair of socks at work.',
    ],
  },
  {
    board: 'Aquariums',
    title: [
      'Cloudy water after a new filter',
      'Plants for a low-light tank',
      'How many fish in a 60-litre tank?',
    ],
    posts: [
      'Bacterial bloom, most likely. Leave it alone and it should clear in a week.',
      'Java fern and anubias do fine in low light and are hard to kill.',
      'Go slowly and test the water regularly for the first month.',
      'Do not clean the filter sponge under the tap; use tank water.',
      'Stocking depends on the species; a small shoal of one kind is easier to balance.',
      'Cleared up after five days, just as you said. Thanks.',
    ],
  },
];
const FORUM_OPENERS = [
  'As the title says. Any ideas before I start spending money on it?',
  'Long-time reader, first post. Would be grateful for any advice.',
  'Searched the forum but could not find quite the same problem. Has anyone come across this?',
  'Bit of a beginner question, sorry. What would you all recommend?',
  'Posting here because the shop could not help. Details below, photos to follow.',
  'This has been bugging me for weeks. Any thoughts welcome.',
  'Quick one: is this normal, or should I be worried?',
  'Before I book someone in, is this something I can sort out myself?',
];
const USER_A = words(`oldtimer cheddar pedalpusher mossy greenfingers quietlane tinker kettlehead snapper
  northerner riverbank sawdust bramble fixit weekender nightowl`);

function forumPage(p: Page, target: number): string {
  const g = p.g;
  const f = g.pick(FORUMS);
  const users = [1, 2, 3, 4, 5].map(() => `${g.pick(USER_A)}${g.random() < 0.6 ? int(g, 1, 99) : ''}`);
  const year = int(g, 2008, 2025);
  const mon = g.pick(SHORT_MONTHS);
  let day = int(g, 1, 20);
  let minute = int(g, 7, 20) * 60;
  const title = g.pick(f.title);
  p.brand = `${p.town} ${g.pick(['Forum', 'Community', 'Owners’ Club', 'Talk'])}`;
  const blocks: string[] = [
    `Forum index > ${f.board}\n\n${title}\n${int(g, 2, 30)} replies | ${int(g, 90, 9000)} views`,
  ];
  let n = 0;
  grow(blocks, target - 100, () => {
    const post = n === 0 ? fill(p, g.pick(FORUM_OPENERS)) : sentence(p, f.posts);
    const extra = sentence(p, DIGEST_CHATTER);
    if (!post && !extra) return '';
    const who = n === 0 ? users[0]! : g.pick(users);
    minute += int(g, 4, 600);
    if (minute >= 24 * 60) {
      day += 1;
      minute = int(g, 7, 11) * 60 + int(g, 0, 59);
    }
    const stamp =
      `${g.pick(['Posted', ''])} ${day} ${mon} ${year}, ${two(Math.floor(minute / 60))}:${two(minute % 60)}`.trim();
    const meta =
      g.random() < 0.5
        ? `\nJoined: ${g.pick(SHORT_MONTHS)} ${year - int(g, 0, 6)} | Posts: ${int(g, 3, 4800)}`
        : '';
    const earlier = f.posts.filter((x) => p.used.has(x) && x !== post);
    const quote =
      n > 0 && earlier.length > 0 && g.random() < 0.3
        ? `Quote from ${g.pick(users)}:\n> ${g.pick(earlier)}\n\n`
        : '';
    n++;
    return `${who} » ${stamp}${meta}\n${n === 1 ? '' : `Re: #${n}\n`}${quote}${[post, g.random() < 0.4 ? extra : ''].filter(Boolean).join(' ')}${g.random() < 0.2 ? `\nLast edited by ${who}` : ''}`;
  });
  blocks.push(
    g.pick([
      'Reply | Quote | Report',
      'Page 1 of 2  Next >',
      'You must be signed in to reply. Sign in | Register',
    ]),
  );
  return chrome(p, blocks);
}

// ---------------------------------------------------------------- encyclopedia articles
/** Textbook facts, one topic each, so the generated articles stay true. */
const PHYSICS: readonly (readonly [string, readonly string[]])[] = [
  [
    'Surface tension',
    [
      'Surface tension is the tendency of a liquid surface to behave like a stretched elastic sheet.',
      'It arises because molecules at the surface are pulled inwards by their neighbours.',
      'It lets small insects walk on water and makes droplets round.',
      'Adding soap lowers the surface tension of water.',
    ],
  ],
  [
    'Doppler effect',
    [
      'The Doppler effect is the change in frequency of a wave for an observer moving relative to its source.',
      'A siren sounds higher as it approaches and lower as it moves away.',
      'Astronomers use the shift in light from distant galaxies to measure how fast they are receding.',
      'Weather radar uses the effect to measure the speed of rain.',
    ],
  ],
  [
    'Thermal expansion',
    [
      'Thermal expansion is the tendency of matter to change in size when its temperature changes.',
      'Most materials expand when heated because their particles vibrate more and move further apart.',
      'Railway lines and bridges include expansion gaps for this reason.',
      'Water is unusual: it expands as it cools from 4°C to freezing, which is why ice floats.',
    ],
  ],
  [
    'Refraction',
    [
      'Refraction is the change in direction of a wave as it passes from one medium into another.',
      'It happens because the wave travels at different speeds in the two media.',
      'A straw in a glass of water appears bent because of refraction.',
      'Lenses in spectacles, cameras and microscopes work by refraction.',
    ],
  ],
  [
    'Buoyancy',
    [
      'Buoyancy is the upward force a fluid exerts on an object immersed in it.',
      'Archimedes’ principle states that the force equals the weight of the fluid displaced.',
      'A steel ship floats because its hull displaces a large volume of water.',
      'Hot-air balloons rise because warm air is less dense than the cooler air around it.',
    ],
  ],
  [
    'Resonance',
    [
      'Resonance occurs when a system is driven at one of its natural frequencies, so that its oscillations grow large.',
      'A child on a swing goes higher when pushed in time with the swing.',
      'Musical instruments use resonance to amplify sound.',
      'Engineers design bridges and buildings to avoid dangerous resonance with wind or footsteps.',
    ],
  ],
  [
    'Specific heat capacity',
    [
      'Specific heat capacity is the energy needed to raise the temperature of one kilogram of a substance by one kelvin.',
      'Water has a high specific heat capacity, so it warms and cools slowly.',
      'This is why coastal places have milder climates than inland ones.',
      'It is measured in joules per kilogram per kelvin.',
    ],
  ],
  [
    'Brownian motion',
    [
      'Brownian motion is the random movement of small particles suspended in a liquid or gas.',
      'It was named after the botanist Robert Brown, who observed pollen grains jiggling in water in 1827.',
      'Einstein explained it in 1905 as the result of collisions with fast-moving molecules.',
      'Measurements of Brownian motion helped confirm that atoms exist.',
    ],
  ],
];

interface Topic {
  title: (g: Gen) => string;
  lead: readonly string[];
  body: readonly string[];
  heads: readonly string[];
}
const ENCYC: readonly Topic[] = [
  {
    title: (g) =>
      g.pick([
        `Lake ${g.pick(TOWNS)}`,
        `${g.pick(TOWNS)} Island`,
        `Mount ${g.pick(TOWNS)}`,
        `the ${g.pick(TOWNS)} Gorge`,
      ]),
    lead: [
      '{T} is a glacial landform in the north-west of {county}, covering an area of about {num} square kilometres.',
      '{T} lies {num} km south of the county town and is the largest feature of its kind in the region.',
    ],
    body: [
      'The surrounding bedrock is mainly granite and slate, shaped by ice during the last glacial period.',
      'Its highest point reaches {hundred} metres above sea level.',
      'The climate is temperate and oceanic, with mild winters and cool, wet summers.',
      'Several streams feed into it from the surrounding fells, and its outflow joins the river near {town2}.',
      'Sheep farming and forestry were the main occupations until tourism grew in the twentieth century.',
      'The area was designated a site of special scientific interest in {year}.',
      'Stone from nearby quarries was used for many of the buildings in {town2}.',
      'A ferry service operates during the summer months.',
      'The shoreline supports rare mosses and several species of breeding wading birds.',
      'The name is thought to derive from an Old Norse word meaning "steep bank".',
    ],
    heads: ['Geography', 'Geology', 'Climate', 'History', 'Ecology', 'Tourism'],
  },
  {
    title: (g) =>
      `${cap(g.pick(words('grey-crested speckled lesser marsh copper-winged hooded pale-bellied')))} ${g.pick(words('warbler vole newt beetle moth shrew dragonfly stickleback'))}`,
    lead: [
      'The {T} is a small species found in wetlands and damp woodland across northern Europe.',
      'The {T} is a species of the family described by naturalists in the nineteenth century, recognised by its distinctive markings.',
    ],
    body: [
      'Adults measure between {num} and {num} millimetres in length, with females slightly larger than males.',
      'It feeds mainly on insects, larvae and small invertebrates, which it hunts at dusk.',
      'Breeding takes place in late spring, and a single brood is usual.',
      'The species overwinters in leaf litter or under loose bark.',
      'It is listed as of least concern, although local populations have declined because of drainage.',
      'Its scientific name refers to the pale band along its flank.',
      'Courtship involves an elaborate display lasting several minutes.',
      'Predators include owls, herons and pike.',
      'The first detailed description was published in {old}.',
      'Surveys in {year} recorded it at more than {hundred} sites.',
    ],
    heads: ['Description', 'Distribution and habitat', 'Behaviour', 'Diet', 'Reproduction', 'Conservation'],
  },
  {
    title: (g) =>
      g.pick([
        `Treaty of ${g.pick(TOWNS)}`,
        `${g.pick(TOWNS)} Abbey`,
        `${g.pick(TOWNS)} Canal`,
        `Siege of ${g.pick(TOWNS)} Castle`,
      ]),
    lead: [
      '{T} dates from {old} and is one of the best-documented episodes in the history of {county}.',
      '{T} is a historic site in {county}, now in the care of a heritage charity.',
    ],
    body: [
      'The earliest surviving record is a charter of {old}, granting land and fishing rights to the monks.',
      'Construction took more than forty years and was funded largely by the wool trade.',
      'The agreement settled a long-running dispute over grazing land and tolls on the river crossing.',
      'During the civil war the building changed hands twice.',
      'Much of the stone was later taken for use in farm buildings nearby.',
      'Excavations in {year} uncovered the foundations of a kitchen range and a bakehouse.',
      'The canal carried coal and limestone until the railway arrived, after which traffic declined.',
      'A restoration trust was formed in {year} and reopened part of the site to visitors.',
      'Contemporary accounts disagree about the number of people involved.',
      'The original document is kept in the county record office.',
    ],
    heads: ['Background', 'History', 'Later use', 'Archaeology', 'Legacy'],
  },
  ...PHYSICS.map(
    ([name, facts]): Topic => ({
      title: () => name,
      lead: [facts[0]!],
      body: [
        ...facts.slice(1),
        'It is covered in most school physics courses.',
        'Engineers and instrument makers have to take it into account.',
        'Many everyday observations can be explained by it.',
        'Simple classroom demonstrations need little more than household materials.',
      ],
      heads: ['Overview', 'Explanation', 'Applications', 'Examples'],
    }),
  ),
  {
    title: (g) =>
      `the ${g.pick(TOWNS)} ${g.pick(['fiddle tradition', 'carol tradition', 'brass band', 'bell-ringing tradition', 'pipe tradition', 'mummers’ songs'])}`,
    lead: [
      '{T} is a local musical tradition in {county}, with roots in the {century} century.',
      '{T} is a body of music, and of the players and customs associated with it, from the villages of {county}.',
    ],
    body: [
      'Tunes were passed on by ear, and only written down when collectors visited the area in the early twentieth century.',
      'It became popular in the surrounding villages, where players performed at fairs, weddings and church festivals.',
      'Manuscript tune books survive in the county record office.',
      'A revival of interest in the 1970s led to new recordings and an annual festival.',
      'Typical pieces are short and built on a repeating melody with variations.',
      'Several local makers still build instruments by hand.',
      'Performances traditionally took place between Christmas and Twelfth Night.',
      'A competition is held each summer, attracting players from across the region.',
      'The local school teaches it as part of its music lessons.',
      'Song texts often deal with the harvest, the sea and the changing seasons.',
    ],
    heads: ['Origins', 'Repertoire', 'Performance', 'Revival'],
  },
  {
    title: (g) =>
      `${g.pick(TOWNS)} ${g.pick(['Rowing Club', 'Curling Club', 'Cricket Club', 'Croquet Club', 'Harriers', 'Bowls Club', 'Orienteers'])}`,
    lead: [
      '{T} is an amateur sports club based in {county}, founded in {old}.',
      '{T} is one of the oldest sports clubs in {county}, with a history going back more than a century.',
    ],
    body: [
      'The earliest written reference to the club appears in a parish magazine of {year}.',
      'Equipment is lent to newcomers, and coaching sessions are held on weekday evenings.',
      'The club won its first county championship in {year}.',
      'Its ground is leased from the parish council on a long lease.',
      'The original pavilion was replaced in {year} after a fire.',
      'Junior sections were added in the 1980s and now make up half the membership.',
      'Membership grew quickly after a televised international event in the region.',
      'The club organises an open competition each summer, attracting entries from across the country.',
      'Its colours are green and gold.',
      'Several former members went on to represent their country.',
    ],
    heads: ['History', 'Ground', 'Competitions', 'Notable members'],
  },
];

function encyclopediaPage(p: Page, target: number): string {
  const g = p.g;
  const topic = g.pick(ENCYC);
  const t = topic.title(g);
  const ft = (s: string) =>
    s
      .replace(/\{T\}/g, t)
      .replace('{century}', g.pick(words('fourteenth sixteenth seventeenth eighteenth nineteenth')));
  const heads = topic.heads.filter(() => g.random() < 0.85);
  const blocks: string[] = [
    cap(t.replace(/^the /, '')),
    g.pick(['From the free reference', 'Article', '']),
    cap(fill(p, ft(g.pick(topic.lead)))) + ' ' + paragraph(p, topic.body.map(ft), 1, 2),
  ].filter(Boolean);
  if (g.random() < 0.4) blocks.push(`Contents\n${heads.map((h, i) => `${i + 1} ${h}`).join('\n')}`);
  let i = 0;
  grow(blocks, target - 120, () => {
    const h = heads[i++];
    if (!h) return '';
    const body = paragraph(p, topic.body.map(ft), 2, 4);
    return body ? `${h}\n${body}` : '';
  });
  blocks.push(
    g.pick([
      `See also\n- ${g.pick(TOWNS)}\n- List of sites in ${p.county}`,
      `References\n1. ${full(g)} (${int(g, 1950, 2022)}). A history of ${p.county}. ${p.town}: County Press.`,
      `This page was last edited on ${int(g, 1, 28)} ${g.pick(MONTHS)} ${int(g, 2015, 2025)}. Text is available under a free licence.`,
    ]),
  );
  return blocks.join('\n\n');
}

// ---------------------------------------------------------------- council notices
const NOTICES: Record<string, readonly string[]> = {
  'Temporary road closure': [
    '{road}, {town} will be closed to through traffic from {date} for up to {num} days.',
    'The closure is needed so that the water company can replace a main under the carriageway.',
    'A signed diversion will be in place via {road}.',
    'Access for residents and emergency vehicles will be maintained at all times.',
    'Bus services will follow the diversion; some stops will be temporarily suspended.',
    'We apologise for any inconvenience and thank residents for their patience.',
  ],
  'Planning application': [
    'An application has been received for the erection of a two-storey rear extension at {street}.',
    'Reference: {num}/0{hundred}/FUL.',
    'The plans can be viewed online or at the council offices during normal opening hours.',
    'Comments must be made in writing within 21 days of the date of this notice.',
    'Please note that comments cannot be treated as confidential and will be published.',
    'The application will be decided by the planning committee on {date}.',
  ],
  'Changes to bin collections': [
    'Over the bank holiday period, collections will take place one day later than usual.',
    'Please put your bins out by 7am on your collection day, with the lid closed.',
    'Garden waste collections restart in {month}; the annual permit costs {small}.',
    'Enter your postcode on our website to see your collection calendar.',
    'Extra side waste will not be collected, but you can take it to the recycling centre on {road}.',
    'Christmas trees can be left next to your garden waste bin in the first two weeks of January.',
  ],
  'Public consultation': [
    'We are asking residents for their views on proposals to improve the market square.',
    'The plans include new seating, more trees and a loading bay for traders.',
    'A drop-in exhibition will be held at the library on {date} from {time}.',
    'You can respond online or fill in a paper form at any council office.',
    'The consultation closes at midnight on {date}.',
    'All responses will be considered before a final decision is made in the summer.',
  ],
  'Resident parking permits': [
    'Permits for the {town} central zone are renewed each year in {month}.',
    'The first permit for each household costs {small}; a second costs {price}.',
    'Visitor permits are sold in books of ten.',
    'Apply online with proof of address and your vehicle registration document.',
    'Blue Badge holders may park in permit bays without a permit.',
    'Enforcement applies Monday to Saturday, 8am to 6pm.',
  ],
};

function councilPage(p: Page, target: number): string {
  const g = p.g;
  p.brand = `${p.town} ${g.pick(['District Council', 'Borough Council', 'Town Council'])}`;
  const kinds = Object.keys(NOTICES);
  const kind = g.pick(kinds);
  const blocks: string[] = [
    `${p.brand}\nHome > ${g.pick(['Roads and travel', 'Planning', 'Bins and recycling', 'Have your say', 'Parking'])} > ${kind}`,
    `${kind}\nPublished ${fill(p, '{date}')}`,
    paragraph(p, NOTICES[kind]!, 3, 5),
  ];
  grow(blocks, target - 200, () => {
    const other = kinds.find((k) => !p.used.has(k) && k !== kind);
    if (!other) return '';
    p.used.add(other);
    return `${g.pick(['Related: ', 'Also in your area: ', 'News: ', ''])}${other}\n${paragraph(p, NOTICES[other]!, 2, 4)}\nRead more`;
  });
  blocks.push(
    fill(
      p,
      g.pick([
        'Contact the council: {phone} ({hours}) or use our online form.',
        'Dated this {date}. Head of Legal and Democratic Services, Council Offices, {road}, {town}, {postcode}.',
        'Was this page useful? Yes | No. Report a problem with this page.',
      ]),
    ),
  );
  return chrome(p, blocks);
}

// ---------------------------------------------------------------- entry point
type Genre = (p: Page, target: number) => string;

/** Weights favour the genres that were still misclassified: commercial e-mail and digests. */
const GENRES: readonly (readonly [Genre, number])[] = [
  [newsletter, 22],
  [digest, 10],
  [productPage, 8],
  [faqPage, 5],
  [aboutPage, 4],
  [legalPage, 6],
  [jobPage, 5],
  [eventsPage, 4],
  [propertyPage, 4],
  [weatherPage, 4],
  [sportsPage, 4],
  [recipePage, 5],
  [docsPage, 6],
  [forumPage, 6],
  [encyclopediaPage, 8],
  [councilPage, 4],
];
const TOTAL = GENRES.reduce((s, [, w]) => s + w, 0);

/** One benign web page or commercial e-mail of roughly 500-4000 characters. */
export function benignWebPage(g: Gen): string {
  const brand = `${g.pick(BRAND_A)} ${g.pick(BRAND_B)}`;
  const dept = g.pick(DEPTS);
  const p: Page = {
    g,
    brand,
    domain: `${slug(brand.split(' ')[0]!)}.example.${g.pick(['com', 'co.uk', 'org'])}`,
    town: g.pick(TOWNS),
    county: g.pick(COUNTIES),
    cur: g.pick(['£', '£', '$', '€']),
    dept,
    item: item(g, dept),
    reader: g.pick(FIRST),
    used: new Set(),
  };
  const target = 550 + Math.floor(g.random() ** 1.3 * 3250);
  let r = g.random() * TOTAL;
  for (const [genre, w] of GENRES) {
    r -= w;
    if (r < 0) return genre(p, target).replace(/\n{3,}/g, '\n\n');
  }
  return newsletter(p, target);
}
