import { z } from 'zod';

/** Tools served by the host itself (not sandboxed): scoring for RAG assistants and the gate's pre-score. */
export const SCORE_PROMPT = 'score_prompt';
export const PRESCORE = 'prescore';

export const ScorePromptInput = z
  .strictObject({
    text: z.string().max(1_000_000).optional(),
    texts: z.array(z.string().max(1_000_000)).min(1).max(64).optional(),
    model: z.string().min(1).optional(),
    kind: z.enum(['prompt', 'document']).optional(),
  })
  .refine((v) => (v.text === undefined) !== (v.texts === undefined), {
    message: 'give exactly one of `text` or `texts`',
  });

export const PrescoreInput = z.strictObject({ prompt: z.string().min(1).max(1_000_000) });

export interface ToolDescriptor {
  name: string;
  title?: string;
  description: string;
  inputSchema: Record<string, unknown>;
  outputSchema?: Record<string, unknown>;
  annotations?: Record<string, unknown>;
}

export const SCORE_PROMPT_TOOL: ToolDescriptor = {
  name: SCORE_PROMPT,
  title: 'Score text for prompt injection',
  description:
    'Scores one text or up to 64 texts (e.g. a user prompt or retrieved document chunks) for prompt-injection ' +
    'and jailbreak content with a local classifier. Returns, per text, a score in [0,1], a label ' +
    '("injection" or "benign"), the calibrated threshold and the model version. Use it before passing ' +
    'retrieved text to a model. Long texts are scored in windows and the highest window counts.',
  inputSchema: {
    type: 'object',
    properties: {
      text: { type: 'string', description: 'One text to score.' },
      texts: {
        type: 'array',
        items: { type: 'string' },
        minItems: 1,
        maxItems: 64,
        description: 'Several texts to score at once.',
      },
      model: {
        type: 'string',
        description: 'Model name; default "prompt-injection". Must be granted by policy.',
      },
      kind: {
        type: 'string',
        enum: ['prompt', 'document'],
        description:
          '"document" for retrieved or fetched text: each blank-line paragraph is also scored alone, so an ' +
          'instruction planted as one paragraph of a page is not diluted by the text around it, and the ' +
          'text is held to a bar (its "threshold") that rises with the windows and paragraphs it is scored ' +
          'as. Default "prompt".',
      },
    },
    additionalProperties: false,
  },
  annotations: { readOnlyHint: true, openWorldHint: false },
};

export const PRESCORE_TOOL: ToolDescriptor = {
  name: PRESCORE,
  title: 'Pre-score the user prompt to unlock tools',
  description:
    "Scores the user's prompt for prompt injection before tools are used. If it scores at or below this " +
    "agent's policy threshold, the agent's gated tools unlock in this session for a limited time (the tool " +
    'list changes); if it scores above, they stay locked. Call it with the exact prompt you are acting on.',
  inputSchema: {
    type: 'object',
    properties: { prompt: { type: 'string', description: 'The user prompt you are about to act on.' } },
    required: ['prompt'],
    additionalProperties: false,
  },
  annotations: { readOnlyHint: false, openWorldHint: false },
};
