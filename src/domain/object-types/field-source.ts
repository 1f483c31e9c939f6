// A field's Source: a `_source.<path>` reference or a Handlebars template over `_source`, with the
// helpers of spec §3.3 (built-in if/unless/each/with and the block helper removeExtraSpace).
import Handlebars from 'handlebars';

export type HandlebarsRuntime = typeof Handlebars;

/** A Handlebars environment with our helpers; build it once and reuse it. */
export function createHandlebars(): HandlebarsRuntime {
  const runtime = Handlebars.create();
  runtime.registerHelper('removeExtraSpace', function (this: unknown, options: Handlebars.HelperOptions) {
    return options.fn(this).replace(/\s+/g, ' ').trim();
  });
  return runtime;
}

const SOURCE_PATH = /^_source(\.[^.{}\s]+)+$/;

export function isTemplate(source: string): boolean {
  return source.includes('{{');
}

/** Why a Source is not usable, or undefined when it is. */
export function sourceProblem(source: string, runtime: HandlebarsRuntime): string | undefined {
  if (!isTemplate(source)) {
    return SOURCE_PATH.test(source) ? undefined : `'${source}' is neither a _source path nor a Handlebars template`;
  }
  try {
    runtime.precompile(source, { strict: false, knownHelpersOnly: false });
    return undefined;
  } catch (error) {
    const first = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return `'${source}' is not a valid Handlebars template: ${first}`;
  }
}
