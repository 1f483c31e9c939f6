// SQLite (3.53, in better-sqlite3 12) reads the value bound to a bare `LIMIT ?` / `OFFSET ?` while planning
// and marks the statement to be planned again whenever that parameter is bound again — on every call, so a
// cached statement is re-parsed and re-planned each time. Written as `cast(? as integer)` the bound is an
// expression: planned once, with the same plan. This plugin rewrites every LIMIT and OFFSET that way.
import {
  LimitNode,
  OffsetNode,
  OperationNodeTransformer,
  RawNode,
  ValueNode,
  type KyselyPlugin,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';

function asExpression(bound: OperationNode): OperationNode {
  return ValueNode.is(bound) ? RawNode.create(['cast(', ' as integer)'], [bound]) : bound;
}

class LimitAsExpression extends OperationNodeTransformer {
  protected override transformLimit(node: LimitNode): LimitNode {
    return LimitNode.create(asExpression(node.limit));
  }

  protected override transformOffset(node: OffsetNode): OffsetNode {
    return OffsetNode.create(asExpression(node.offset));
  }
}

export class PlannedLimitPlugin implements KyselyPlugin {
  private readonly transformer = new LimitAsExpression();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.transformer.transformNode(args.node);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
