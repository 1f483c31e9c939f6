// Our versions of Handlebars' built-in block helpers (each, if, unless, with, the `{{#path}}` section
// helper blockHelperMissing) and of removeExtraSpace, registered on our runtime in place of the
// built-ins: each charges the object's TemplateBudget (passed in the template's data) a step per call
// and per item, and measures what it returns. `log` writes nothing: a template must not reach the logs.
import Handlebars from 'handlebars';
import { TemplateBudget } from './template-budget.js';

type Runtime = typeof Handlebars;
type Options = Handlebars.HelperOptions;

/** The data member that carries the budget into every helper (frames copy it down). */
export const BUDGET_DATA = 'openprofilesBudget';

function budgetOf(options: Options): TemplateBudget {
  const budget: unknown = (options.data as Record<string, unknown> | undefined)?.[BUDGET_DATA];
  if (!(budget instanceof TemplateBudget)) throw new Error('a template was rendered without its budget');
  return budget;
}

function arity(args: IArguments, helper: string): void {
  if (args.length !== 2) throw new Error(`#${helper} requires exactly one argument`);
}

function each(this: unknown, context: unknown, options: Options): string {
  const budget = budgetOf(options);
  budget.step();
  const data = Handlebars.createFrame(options.data) as Record<string, unknown>;
  let out = '';
  let count = 0;
  const run = (key: string | number, index: number, last: boolean, value: unknown) => {
    budget.step();
    data['key'] = key;
    data['index'] = index;
    data['first'] = index === 0;
    data['last'] = last;
    out = budget.output(out + options.fn(value, { data, blockParams: [value, key] }));
    count++;
  };
  if (Array.isArray(context)) context.forEach((value, i) => run(i, i, i === context.length - 1, value));
  else if (context !== null && typeof context === 'object') {
    const keys = Object.keys(context);
    keys.forEach((key, i) => run(key, i, i === keys.length - 1, (context as Record<string, unknown>)[key]));
  }
  return count === 0 ? budget.output(options.inverse(this)) : out;
}

function truthy(conditional: unknown, options: Options): boolean {
  return !((!options.hash['includeZero'] && !conditional) || Handlebars.Utils.isEmpty(conditional));
}

function if_(this: unknown, conditional: unknown, options: Options): string {
  arity(arguments, 'if');
  const budget = budgetOf(options);
  budget.step();
  return budget.output(truthy(conditional, options) ? options.fn(this) : options.inverse(this));
}

function unless(this: unknown, conditional: unknown, options: Options): string {
  arity(arguments, 'unless');
  const budget = budgetOf(options);
  budget.step();
  return budget.output(truthy(conditional, options) ? options.inverse(this) : options.fn(this));
}

function with_(this: unknown, context: unknown, options: Options): string {
  arity(arguments, 'with');
  const budget = budgetOf(options);
  budget.step();
  if (Handlebars.Utils.isEmpty(context)) return budget.output(options.inverse(this));
  return budget.output(options.fn(context, { data: options.data, blockParams: [context] }));
}

/** `{{#_source.items}}…{{/_source.items}}`: a section over a value, as Mustache has it. */
function section(this: unknown, context: unknown, options: Options): string {
  const budget = budgetOf(options);
  budget.step();
  if (context === true) return budget.output(options.fn(this));
  if (context === false || context === null || context === undefined) return budget.output(options.inverse(this));
  if (Array.isArray(context)) return context.length > 0 ? each.call(this, context, options) : budget.output(options.inverse(this));
  return budget.output(options.fn(context, { data: options.data }));
}

function removeExtraSpace(this: unknown, options: Options): string {
  const budget = budgetOf(options);
  budget.step();
  return budget.output(options.fn(this).replace(/\s+/g, ' ').trim());
}

export function registerBoundedHelpers(runtime: Runtime): void {
  runtime.registerHelper('each', each);
  runtime.registerHelper('if', if_);
  runtime.registerHelper('unless', unless);
  runtime.registerHelper('with', with_);
  runtime.registerHelper('blockHelperMissing', section);
  runtime.registerHelper('removeExtraSpace', removeExtraSpace);
  runtime.registerHelper('log', () => undefined);
}
