// json_query: a small, eval-free path and filter language over one JSON document (see tool.json).
// Grammar:  pipeline := term ('|' term)*
//           term     := path | '[' pipeline ']' | name | name '(' args ')' | literal
//           path     := '.' | ('.' key | '.' '"key"' | '[' int ']' | '[' ']' | '[' int? ':' int? ']')+
//           cond     := operand (('==' | '!=' | '<' | '<=' | '>' | '>=') operand)?    operand := path | literal

const MAX_RESULTS = 10000;
const FUNCTIONS = new Set([
  'length',
  'keys',
  'values',
  'first',
  'last',
  'type',
  'reverse',
  'sort',
  'unique',
  'flatten',
  'not',
]);
const COMPARATORS = new Set(['==', '!=', '<', '<=', '>', '>=']);

function tokenize(query) {
  const tokens = [];
  let i = 0;
  while (i < query.length) {
    const ch = query[i];
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    const two = query.slice(i, i + 2);
    if (COMPARATORS.has(two)) {
      tokens.push({ kind: 'op', value: two, at: i });
      i += 2;
    } else if ('<>'.includes(ch)) {
      tokens.push({ kind: 'op', value: ch, at: i });
      i += 1;
    } else if ('.[]|(),:'.includes(ch)) {
      tokens.push({ kind: ch, at: i });
      i += 1;
    } else if (ch === '"') {
      const match = /^"(?:[^"\\]|\\.)*"/.exec(query.slice(i));
      if (!match) throw new Error(`query syntax: unterminated string at ${i}`);
      tokens.push({ kind: 'literal', value: JSON.parse(match[0]), at: i });
      i += match[0].length;
    } else if (/[-0-9]/.test(ch)) {
      const match = /^-?\d+(\.\d+)?([eE][-+]?\d+)?/.exec(query.slice(i));
      if (!match) throw new Error(`query syntax: bad number at ${i}`);
      tokens.push({ kind: 'number', value: Number(match[0]), at: i });
      i += match[0].length;
    } else if (/[A-Za-z_$]/.test(ch)) {
      const word = /^[A-Za-z_$][\w$]*/.exec(query.slice(i))[0];
      if (word === 'true' || word === 'false' || word === 'null') {
        tokens.push({ kind: 'literal', value: JSON.parse(word), at: i });
      } else {
        tokens.push({ kind: 'name', value: word, at: i });
      }
      i += word.length;
    } else {
      throw new Error(`query syntax: unexpected "${ch}" at ${i}`);
    }
  }
  return tokens;
}

function parse(query) {
  const tokens = tokenize(query);
  let pos = 0;
  const peek = () => tokens[pos];
  const fail = (what) => {
    const token = peek();
    throw new Error(`query syntax: expected ${what} at ${token ? token.at : query.length}`);
  };
  const expect = (kind) => {
    if (peek()?.kind !== kind) fail(`"${kind}"`);
    pos += 1;
  };

  function pipeline() {
    const terms = [term()];
    while (peek()?.kind === '|') {
      pos += 1;
      terms.push(term());
    }
    return { kind: 'pipe', terms };
  }

  function path() {
    const steps = [];
    while (peek()?.kind === '.' || peek()?.kind === '[') {
      if (peek().kind === '.') {
        pos += 1;
        const next = peek();
        if (next?.kind === 'name') {
          steps.push({ kind: 'key', key: next.value });
          pos += 1;
        } else if (next?.kind === 'literal' && typeof next.value === 'string') {
          steps.push({ kind: 'key', key: next.value });
          pos += 1;
        }
      } else {
        pos += 1;
        steps.push(bracket());
      }
    }
    return { kind: 'path', steps };
  }

  function bracket() {
    const token = peek();
    if (token?.kind === ']') {
      pos += 1;
      return { kind: 'each' };
    }
    if (token?.kind === 'literal' && typeof token.value === 'string') {
      pos += 1;
      expect(']');
      return { kind: 'key', key: token.value };
    }
    const start = optionalNumber();
    if (peek()?.kind === ':') {
      pos += 1;
      const end = optionalNumber();
      expect(']');
      return { kind: 'slice', start, end };
    }
    if (start === undefined || !Number.isInteger(start)) fail('an index, "]" or a slice');
    expect(']');
    return { kind: 'index', index: start };
  }

  function optionalNumber() {
    const token = peek();
    if (token?.kind !== 'number') return undefined;
    pos += 1;
    return token.value;
  }

  function operand() {
    const token = peek();
    if (token?.kind === 'literal' || token?.kind === 'number') {
      pos += 1;
      return { kind: 'literal', value: token.value };
    }
    if (token?.kind === '.') return path();
    return fail('a path or a literal');
  }

  function term() {
    const token = peek();
    if (!token) return fail('a term');
    if (token.kind === '.') return path();
    if (token.kind === '[') {
      pos += 1;
      const inner = pipeline();
      expect(']');
      return { kind: 'collect', inner };
    }
    if (token.kind === 'literal' || token.kind === 'number') return operand();
    if (token.kind !== 'name') return fail('a term');
    pos += 1;
    if (token.value === 'select') {
      expect('(');
      const left = operand();
      let cond = { kind: 'truthy', left };
      if (peek()?.kind === 'op') {
        const op = tokens[pos++].value;
        cond = { kind: 'compare', op, left, right: operand() };
      }
      expect(')');
      return { kind: 'select', cond };
    }
    if (token.value === 'pick') {
      expect('(');
      const keys = [];
      do {
        const key = peek();
        if (key?.kind !== 'name' && !(key?.kind === 'literal' && typeof key.value === 'string'))
          fail('a key name');
        keys.push(key.value);
        pos += 1;
      } while (peek()?.kind === ',' && ++pos);
      expect(')');
      return { kind: 'pick', keys };
    }
    if (!FUNCTIONS.has(token.value)) {
      throw new Error(`query: unknown function "${token.value}" at ${token.at}`);
    }
    return { kind: 'call', name: token.value };
  }

  const ast = pipeline();
  if (pos < tokens.length) fail('end of query');
  return ast;
}

function typeOf(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function step(value, s) {
  if (s.kind === 'key') {
    if (value === null) return [null];
    if (typeOf(value) !== 'object') throw new Error(`cannot read key "${s.key}" of ${typeOf(value)}`);
    return [Object.hasOwn(value, s.key) ? value[s.key] : null];
  }
  if (s.kind === 'index') {
    if (value === null) return [null];
    if (!Array.isArray(value)) throw new Error(`cannot index ${typeOf(value)} with [${s.index}]`);
    const item = value.at(s.index);
    return [item === undefined ? null : item];
  }
  if (s.kind === 'slice') {
    if (value === null) return [null];
    if (!Array.isArray(value) && typeof value !== 'string') throw new Error(`cannot slice ${typeOf(value)}`);
    return [value.slice(s.start ?? 0, s.end ?? value.length)];
  }
  if (value === null) return [];
  if (Array.isArray(value)) return value;
  if (typeOf(value) === 'object') return Object.values(value);
  throw new Error(`cannot iterate over ${typeOf(value)}`);
}

function compare(op, a, b) {
  if (op === '==') return JSON.stringify(a) === JSON.stringify(b);
  if (op === '!=') return JSON.stringify(a) !== JSON.stringify(b);
  if (typeof a !== typeof b || (typeof a !== 'number' && typeof a !== 'string')) return false;
  if (op === '<') return a < b;
  if (op === '<=') return a <= b;
  if (op === '>') return a > b;
  return a >= b;
}

function single(node, value) {
  if (node.kind === 'literal') return node.value;
  const out = evaluate(node, value);
  return out.length === 0 ? null : out[0];
}

function call(name, value) {
  const type = typeOf(value);
  switch (name) {
    case 'length':
      if (value === null) return 0;
      if (type === 'array' || type === 'string') return value.length;
      if (type === 'object') return Object.keys(value).length;
      if (type === 'number') return Math.abs(value);
      throw new Error(`${type} has no length`);
    case 'keys':
    case 'values':
      if (type !== 'object' && type !== 'array') throw new Error(`${type} has no ${name}`);
      return name === 'keys' ? Object.keys(value) : Object.values(value);
    case 'first':
    case 'last': {
      if (type !== 'array') throw new Error(`${name} needs an array, got ${type}`);
      const item = name === 'first' ? value[0] : value[value.length - 1];
      return item === undefined ? null : item;
    }
    case 'type':
      return type;
    case 'not':
      return value === null || value === false;
    case 'reverse':
      if (type === 'string') return [...value].reverse().join('');
      if (type !== 'array') throw new Error(`reverse needs an array, got ${type}`);
      return [...value].reverse();
    case 'sort':
      if (type !== 'array') throw new Error(`sort needs an array, got ${type}`);
      return [...value].sort((a, b) => {
        const ka = JSON.stringify(a);
        const kb = JSON.stringify(b);
        if (typeof a === 'number' && typeof b === 'number') return a - b;
        return ka < kb ? -1 : ka > kb ? 1 : 0;
      });
    case 'unique': {
      if (type !== 'array') throw new Error(`unique needs an array, got ${type}`);
      const seen = new Set();
      return value.filter((item) => {
        const key = JSON.stringify(item);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    }
    default:
      if (type !== 'array') throw new Error(`flatten needs an array, got ${type}`);
      return value.flat(1);
  }
}

function evaluate(node, value) {
  let out;
  switch (node.kind) {
    case 'pipe':
      out = [value];
      for (const t of node.terms) out = out.flatMap((v) => evaluate(t, v));
      break;
    case 'path':
      out = [value];
      for (const s of node.steps) out = out.flatMap((v) => step(v, s));
      break;
    case 'collect':
      out = [evaluate(node.inner, value)];
      break;
    case 'literal':
      out = [node.value];
      break;
    case 'select': {
      const { cond } = node;
      const left = single(cond.left, value);
      const keep =
        cond.kind === 'truthy'
          ? left !== null && left !== false
          : compare(cond.op, left, single(cond.right, value));
      out = keep ? [value] : [];
      break;
    }
    case 'pick':
      if (typeOf(value) !== 'object') throw new Error(`pick needs an object, got ${typeOf(value)}`);
      out = [Object.fromEntries(node.keys.filter((k) => Object.hasOwn(value, k)).map((k) => [k, value[k]]))];
      break;
    default:
      out = [call(node.name, value)];
  }
  if (out.length > MAX_RESULTS) throw new Error(`the query produced more than ${MAX_RESULTS} results`);
  return out;
}

export function query(document, text) {
  return evaluate(parse(text), document);
}

export default async function jsonQuery(input) {
  let document = input.json;
  if (typeof document === 'string') {
    try {
      document = JSON.parse(document);
    } catch {
      // Not JSON text: query the string itself.
    }
  }
  const results = query(document, input.query);
  return { results, count: results.length };
}
