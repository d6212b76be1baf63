import { z } from 'zod';
import { parseDuration, parseRate } from '../config/index.js';
import { parseUrlPattern } from '../egress/url-pattern.js';

/** Agent ids are matched against the token's `sub`; keep them to a safe, printable alphabet. */
export const agentId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/, {
  message: 'agent ids use letters, digits and . _ : @ - (max 128)',
});
export const toolName = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, {
  message: 'tool names are lower_snake_case',
});
export const secretName = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{0,63}$/, { message: 'secret names are UPPER_SNAKE_CASE' });

const rate = z
  .string()
  .refine((text) => parseRate(text).ok, { message: 'expected a rate such as 30/min, 5/s or 100/h' });
const duration = z
  .string()
  .refine((text) => parseDuration(text).ok, { message: 'expected a duration such as 10m or 1h' });
const urlPattern = z.string().superRefine((text, ctx) => {
  const parsed = parseUrlPattern(text);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.reason });
});

export const ToolLimitsSchema = z.strictObject({
  timeoutMs: z.number().int().min(1).max(600_000).optional(),
  memoryMb: z.number().int().min(8).max(4096).optional(),
  maxOutputBytes: z.number().int().min(1).optional(),
  maxHostCalls: z.number().int().min(0).optional(),
});

export const ToolGrantSchema = z.strictObject({
  /** Narrows the tool manifest's egress allowlist; absent means "no egress beyond none": see compile. */
  egress: z.array(urlPattern).optional(),
  limits: ToolLimitsSchema.optional(),
  rate: rate.optional(),
});

export const AgentPolicySchema = z.strictObject({
  description: z.string().optional(),
  tools: z.record(toolName, z.union([ToolGrantSchema, z.null()])).optional(),
  models: z.array(z.string().min(1)).optional(),
  prescore: z
    .strictObject({
      model: z.string().min(1),
      blockAbove: z.number().min(0).max(1),
      unlockFor: duration,
      /** Which granted tools the gate locks; default: all of them. */
      tools: z.array(toolName).optional(),
    })
    .optional(),
  /** How tool arguments and fetched text are scored for injection. */
  inspect: z
    .strictObject({
      model: z.string().min(1).optional(),
      arguments: z.enum(['block', 'off']).optional(),
      output: z.enum(['flag', 'withhold', 'off']).optional(),
      blockAbove: z.number().min(0).max(1).optional(),
    })
    .optional(),
  secrets: z
    .record(
      secretName,
      z.strictObject({
        from: z.literal('env'),
        name: z
          .string()
          .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { message: 'expected an environment variable name' }),
        hosts: z.array(z.string().min(1)).min(1),
        header: z.string().min(1).optional(),
      }),
    )
    .optional(),
  limits: z
    .strictObject({
      callsPerMinute: z.number().int().min(1).optional(),
      concurrent: z.number().int().min(1).optional(),
    })
    .optional(),
});

export const PolicyFileSchema = z.strictObject({
  version: z.literal(1, { message: 'policy files declare `version: 1`' }),
  agents: z.record(agentId, AgentPolicySchema).optional(),
});

export type PolicyFile = z.infer<typeof PolicyFileSchema>;
export type AgentPolicy = z.infer<typeof AgentPolicySchema>;
export type ToolGrant = z.infer<typeof ToolGrantSchema>;
export type ToolLimits = z.infer<typeof ToolLimitsSchema>;
