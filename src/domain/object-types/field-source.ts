// A field's Source: a `_source.<path>` reference or a Handlebars template over `_source`, with the
// helpers of spec §3.3 (if/unless/each/with and the block helper removeExtraSpace), in our bounded
// versions (bounded-helpers.ts); a Source is checked when its object type is saved.
import Handlebars from 'handlebars';
import { registerBoundedHelpers } from './bounded-helpers.js';
import { TEMPLATE_MAX_BLOCK_DEPTH } from './template-budget.js';

export type HandlebarsRuntime = typeof Handlebars;

/** A Handlebars environment with our helpers; build it once and reuse it. */
export function createHandlebars(): HandlebarsRuntime {
  const runtime = Handlebars.create();
  registerBoundedHelpers(runtime);
  return runtime;
}

const SOURCE_PATH = /^_source(\.[^.{}\s]+)+$/;

export function isTemplate(source: string): boolean {
  return source.includes('{{');
}

type Node = hbs.AST.Node;

/** How deep blocks nest; an `{{else if}}` chain continues its block rather than nesting in it. */
function blockDepth(node: Node | undefined | null): number {
  if (!node) return 0;
  if (node.type === 'Program') return Math.max(0, ...(node as hbs.AST.Program).body.map(blockDepth));
  if (node.type !== 'BlockStatement') return 0;
  const block = node as hbs.AST.BlockStatement;
  const inverse = block.inverse as (hbs.AST.Program & { chained?: boolean }) | undefined;
  const chained = inverse?.chained === true ? blockDepth(inverse) - 1 : blockDepth(inverse);
  return 1 + Math.max(blockDepth(block.program), chained);
}

/** Partials and decorators: nothing in spec §3.3 names them, and a partial may call itself. */
function unsupported(node: unknown): string | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  const type = (node as { type?: unknown }).type;
  if (type === 'PartialStatement' || type === 'PartialBlockStatement') return 'partials';
  if (type === 'Decorator' || type === 'DecoratorBlock') return 'decorators';
  for (const child of Object.values(node)) {
    const found = unsupported(child);
    if (found) return found;
  }
  return undefined;
}

/** Why a Source is not usable, or undefined when it is. */
export function sourceProblem(source: string, runtime: HandlebarsRuntime): string | undefined {
  if (!isTemplate(source)) {
    return SOURCE_PATH.test(source) ? undefined : `'${source}' is neither a _source path nor a Handlebars template`;
  }
  let program: hbs.AST.Program;
  try {
    program = runtime.parse(source);
    runtime.precompile(source, { strict: false, knownHelpersOnly: false });
  } catch (error) {
    const first = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return `'${source}' is not a valid Handlebars template: ${first}`;
  }
  const feature = unsupported(program);
  if (feature) return `'${source}' uses ${feature}, which object type templates do not support`;
  const depth = blockDepth(program);
  if (depth > TEMPLATE_MAX_BLOCK_DEPTH) return `'${source}' nests blocks ${depth} deep; at most ${TEMPLATE_MAX_BLOCK_DEPTH} are allowed`;
  return undefined;
}
