import { z } from 'zod';
import { parseDuration } from './duration.js';

const duration = z.string().refine((text) => parseDuration(text).ok, {
  message: 'expected a duration such as 30s, 15m or 1h',
});

export const hostPort = z.string().regex(/^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):\d{1,5}$/, {
  message: 'expected HOST:PORT, e.g. 127.0.0.1:3700',
});

/** The config file (YAML). Every key is optional; unknown keys are errors so a typo never goes unnoticed. */
export const ConfigFileSchema = z.strictObject({
  http: z
    .strictObject({
      listen: hostPort.optional(),
      publicUrl: z.url({ protocol: /^https?$/ }).optional(),
      allowedOrigins: z.array(z.url()).optional(),
      maxBodyBytes: z
        .number()
        .int()
        .min(1024)
        .max(64 * 1024 * 1024)
        .optional(),
      jsonResponse: z.boolean().optional(),
      sessionIdleTimeout: duration.optional(),
    })
    .optional(),
  admin: z.strictObject({ listen: hostPort.optional() }).optional(),
  issuers: z
    .array(
      z.strictObject({
        issuer: z.string().min(1),
        jwks: z.string().min(1),
        algorithms: z.array(z.enum(['EdDSA', 'ES256', 'ES384', 'RS256', 'RS384', 'RS512', 'PS256'])).min(1),
        agentClaim: z.string().min(1).optional(),
      }),
    )
    .optional(),
  auth: z
    .strictObject({
      maxTokenLifetime: duration.optional(),
      clockTolerance: duration.optional(),
      requiredScopes: z.array(z.string().min(1)).optional(),
    })
    .optional(),
  revoked: z
    .strictObject({ jti: z.array(z.string()).optional(), agents: z.array(z.string()).optional() })
    .optional(),
  paths: z
    .strictObject({
      policies: z.string().optional(),
      tools: z.string().optional(),
      models: z.string().optional(),
      data: z.string().optional(),
    })
    .optional(),
  sandbox: z.strictObject({ poolSize: z.number().int().min(1).max(64).optional() }).optional(),
  audit: z
    .strictObject({
      durable: z.boolean().optional(),
      maxFileBytes: z.number().int().min(4096).optional(),
    })
    .optional(),
  scoring: z
    .strictObject({
      maxBatch: z.number().int().min(1).max(1024).optional(),
      maxQueue: z.number().int().min(1).optional(),
    })
    .optional(),
});

export type ConfigFile = z.infer<typeof ConfigFileSchema>;
