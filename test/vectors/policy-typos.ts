/**
 * Policy mistakes that must be refused, never silently widen or narrow access. Each row is a file body,
 * the position the error must name, and why it matters.
 */
export interface PolicyTypoVector {
  name: string;
  yaml: string;
  line: number;
  message: RegExp;
  source: string;
}

export const POLICY_TYPO_VECTORS: PolicyTypoVector[] = [
  {
    name: 'misspelled egress key (would silently drop the restriction in a lax parser)',
    yaml: 'version: 1\nagents:\n  bot:\n    tools:\n      http_get: { egres: ["https://a.example/**"] }\n',
    line: 5,
    message: /egres/,
    source:
      'OWASP ASVS 4.0 V1.4 access control architecture: deny by default; fastify/ajv removeAdditional pitfalls',
  },
  {
    name: 'unknown top-level key',
    yaml: 'version: 1\nagent:\n  bot: {}\n',
    line: 2,
    message: /agent/,
    source: 'Kubernetes strict field validation (KEP-2885) rationale: typos must fail',
  },
  {
    name: 'wrong version',
    yaml: 'version: 2\nagents: {}\n',
    line: 1,
    message: /version/,
    source: 'Airlock policy contract (issue #2): version 1',
  },
  {
    name: 'rate with an unknown unit',
    yaml: 'version: 1\nagents:\n  bot:\n    tools:\n      json_query: { rate: 5/fortnight }\n',
    line: 5,
    message: /rate/,
    source: 'Airlock policy contract: rate "<n>/<s|min|h>"',
  },
  {
    name: 'egress pattern with userinfo (credential smuggling)',
    yaml: 'version: 1\nagents:\n  bot:\n    tools:\n      http_get: { egress: ["https://user:pw@api.example.com/**"] }\n',
    line: 5,
    message: /egress/,
    source: 'OWASP SSRF Prevention Cheat Sheet: URL parsing confusion with userinfo',
  },
  {
    name: 'blockAbove outside [0,1]',
    yaml: 'version: 1\nagents:\n  bot:\n    prescore: { model: prompt-injection, blockAbove: 5, unlockFor: 10m }\n',
    line: 4,
    message: /blockAbove/,
    source: 'Airlock policy contract: blockAbove in 0..1',
  },
  {
    name: 'YAML syntax error',
    yaml: 'version: 1\nagents:\n  bot:\n    tools: [json_query\n',
    line: 5,
    message: /./,
    source: 'YAML 1.2 spec: flow sequences must be closed',
  },
  {
    name: 'duplicate key in one mapping (last-wins would hide a grant)',
    yaml: 'version: 1\nagents:\n  bot:\n    tools:\n      json_query: {}\n  bot:\n    tools: {}\n',
    line: 6,
    message: /unique|duplicate/i,
    source: 'YAML 1.2 §3.2.1.1 mapping keys must be unique; CVE-2021-32640-style parser differential risks',
  },
];
