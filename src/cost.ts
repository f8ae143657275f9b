/**
 * What is checked before an operation runs: its kind, its variables, every argument's range, and its cost, the most
 * field values it can resolve on the loaded graph. A list costs one value plus its largest possible length times what
 * each item selects; lengths come from page arguments or from the graph itself (src/bounds.ts), never from a guess.
 */
import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  getArgumentValues,
  getDirectiveValues,
  getIntrospectionQuery,
  getNamedType,
  getVariableValues,
  isAbstractType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphBounds } from './bounds.js';
import { LIMITS } from './config.js';
import type { Context } from './context.js';
import { BadRequest, BadUserInput, clip } from './errors.js';
import { defaultTraversalTypes } from './graph/traversal.js';
import { ENTITY_KINDS, RELATION_TYPES, type RelationType } from './graph/vocabulary.js';
import type { Direction } from './graph/types.js';

/** The accepted range of each argument, by name: every field uses a name with one meaning. */
const ARGUMENT_RANGES: Record<string, { min: number; max: number; what: 'value' | 'length' | 'count' }> = {
  first: { min: 1, max: LIMITS.maxPageSize, what: 'value' },
  depth: { min: 1, max: LIMITS.maxNeighborhoodDepth, what: 'value' },
  limit: { min: 1, max: LIMITS.maxNeighborhoodNodes, what: 'value' },
  maxDepth: { min: 1, max: LIMITS.maxPathDepth, what: 'value' },
  text: { min: 1, max: LIMITS.maxSearchLength, what: 'length' },
  id: { min: 1, max: LIMITS.maxIdLength, what: 'length' },
  from: { min: 1, max: LIMITS.maxIdLength, what: 'length' },
  to: { min: 1, max: LIMITS.maxIdLength, what: 'length' },
  subject: { min: 1, max: LIMITS.maxIdLength, what: 'length' },
  region: { min: 1, max: LIMITS.maxIdLength, what: 'length' },
  indicator: { min: 1, max: LIMITS.maxIdLength, what: 'length' },
  after: { min: 1, max: LIMITS.maxIdLength, what: 'length' },
  // A degree above any the graph holds damps nothing; the bound only keeps the number sane.
  maxDegree: { min: 0, max: 10_000, what: 'value' },
  ids: { min: 1, max: LIMITS.maxPageSize, what: 'count' },
};

/** Why an argument is out of range, or undefined when it is in range (text is measured trimmed, as it is used). */
function outOfRange(name: string, value: unknown): string | undefined {
  const range = ARGUMENT_RANGES[name];
  // Absent or null (a nullable `first: null` asks for no limit): nothing to check.
  if (!range || value == null) return undefined;
  if (range.what === 'value') {
    const n = value as number;
    return n < range.min || n > range.max ? `${name} must be between ${range.min} and ${range.max}; got ${n}` : undefined;
  }
  if (range.what === 'count') {
    const n = (value as unknown[]).length;
    return n < range.min || n > range.max ? `${name} must hold ${range.min} to ${range.max} items; got ${n}` : undefined;
  }
  const length = String(value).trim().length;
  if (length < range.min) return `${name} must not be empty`;
  return length > range.max ? `${name} must be at most ${range.max} characters; got ${length}` : undefined;
}

/** What the parent field fixed for the lists below it: a subgraph's node and edge counts, a page's size. */
interface Scope {
  nodes?: number;
  edges?: number;
  items?: number;
}

/** The relation types a traversal argument names, or those followed by default. */
const followed = (args: Record<string, unknown>) => (args.relationTypes as RelationType[] | undefined) ?? defaultTraversalTypes();

/** A path of at most maxDepth steps: its nodes and edges. */
const path = (args: Record<string, unknown>): Scope => ({ nodes: (args.maxDepth as number) + 1, edges: args.maxDepth as number });

/** `first` paths: the list prices `first`, each path its nodes and edges. */
const firstPaths = (args: Record<string, unknown>): Scope => ({ ...path(args), items: args.first as number });

/** The fields that fix a scope for the lists below them (FIXED_LENGTHS reads it); any other field passes none down. */
const SCOPES: Record<string, (args: Record<string, unknown>, bounds: GraphBounds, scope: Scope) => Scope> = {
  // A chain is a path: its steps are bounded by the maxDepth that connection(...) was given.
  'Chains.chains': (_args, _bounds, scope) => scope,
  'Query.neighborhood': (args, bounds) => bounds.neighbourhood(args.limit as number, args.depth as number, followed(args)),
  'Query.subgraph': (args, bounds) => {
    const nodes = (args.ids as string[]).length;
    return { nodes, edges: bounds.edgesAmong(nodes, followed(args)) };
  },
  'Query.shortestPath': path,
  'Query.allShortestPaths': firstPaths,
  'Query.connection': firstPaths,
  'Query.entities': (args) => ({ items: args.first as number }),
};

/** Lists whose longest length the parent's arguments, the page asked for or the vocabulary fix, not the entities. */
const FIXED_LENGTHS: Record<string, (scope: Scope, first: number, bounds: GraphBounds) => number | undefined> = {
  'Subgraph.nodes': (scope) => scope.nodes,
  'Subgraph.edges': (scope) => scope.edges,
  'Subgraph.members': (scope) => scope.nodes,
  'Path.nodes': (scope) => scope.nodes,
  'Path.edges': (scope) => scope.edges,
  'Chains.chains': (scope) => scope.items,
  'Chain.steps': (scope) => scope.edges,
  'EntityConnection.nodes': (scope) => scope.items,
  'EntityConnection.edges': (scope) => scope.items,
  'Query.search': (_scope, first) => first,
  'Query.allShortestPaths': (_scope, first) => first,
  'Query.metrics': (_scope, _first, bounds) => bounds.metrics,
  'Query.metricSeries': (_scope, _first, bounds) => bounds.series,
  'Query.indicators': (_scope, _first, bounds) => bounds.indicators,
  'MetricSeries.points': (_scope, _first, bounds) => bounds.seriesPoints,
  'Stats.kinds': () => ENTITY_KINDS.length,
  'Stats.relationTypes': () => RELATION_TYPES.length,
};

/** The largest list each introspection field can return for this schema. */
function introspectionSizes(schema: GraphQLSchema): Record<string, number> {
  const types = Object.values(schema.getTypeMap());
  const most = (f: (t: GraphQLNamedType) => number) => Math.max(0, ...types.map(f));
  const fieldsOf = (t: GraphQLNamedType) => ('getFields' in t ? Object.values(t.getFields()) : []);
  return {
    '__Schema.types': types.length,
    '__Schema.directives': schema.getDirectives().length,
    '__Type.fields': most((t) => (isObjectType(t) || isAbstractType(t) ? fieldsOf(t).length : 0)),
    '__Type.inputFields': most((t) => fieldsOf(t).length),
    '__Type.interfaces': most((t) => ('getInterfaces' in t ? t.getInterfaces().length : 0)),
    '__Type.possibleTypes': most((t) => (isAbstractType(t) ? schema.getPossibleTypes(t).length : 0)),
    '__Type.enumValues': most((t) => ('getValues' in t ? t.getValues().length : 0)),
    '__Field.args': most((t) => Math.max(0, ...fieldsOf(t).map((f) => ('args' in f ? f.args.length : 0)))),
    '__Directive.args': Math.max(0, ...schema.getDirectives().map((d) => d.args.length)),
  };
}
const introspectionCache = new WeakMap<GraphQLSchema, Record<string, number>>();

/** Prices one operation; collects argument problems on the way. */
class Pricer {
  readonly problems: { argument: string; message: string }[] = [];
  /** What `__schema` and `__type` cost: schema data, held to a budget of its own (introspectionBudget). */
  introspectionCost = 0;
  private readonly fragments: Record<string, FragmentDefinitionNode>;
  private readonly introspection: Record<string, number>;

  constructor(
    private readonly schema: GraphQLSchema,
    fragments: readonly FragmentDefinitionNode[],
    private readonly variables: Record<string, unknown>,
    private readonly bounds: GraphBounds,
  ) {
    this.fragments = Object.fromEntries(fragments.map((f) => [f.name.value, f]));
    if (!introspectionCache.has(schema)) introspectionCache.set(schema, introspectionSizes(schema));
    this.introspection = introspectionCache.get(schema)!;
  }

  operation(operation: OperationDefinitionNode): number {
    return this.selections([this.schema.getQueryType()!], [operation.selectionSet], {});
  }

  /**
   * The cost of selection sets on a value of one of `types` (several when the field returns an interface). Types that
   * the same fragments apply to are priced together, at the longest lists any of them has; the costliest group wins.
   */
  private selections(types: readonly GraphQLObjectType[], sets: readonly SelectionSetNode[], scope: Scope): number {
    const groups = new Map<string, GraphQLObjectType[]>();
    for (const type of types) {
      // Stryker disable next-line StringLiteral: equivalent, no two lists of this schema's type names join to the same text without a separator (README: Mutation testing)
      const key = this.conditionsMet(type, sets).join(',');
      groups.set(key, [...(groups.get(key) ?? []), type]);
    }
    let worst = 0;
    for (const group of groups.values()) {
      let cost = 0;
      for (const nodes of this.collectFields(group[0], sets).values()) cost += this.field(group, nodes, scope);
      worst = Math.max(worst, cost);
    }
    return worst;
  }

  private field(types: readonly GraphQLObjectType[], nodes: FieldNode[], scope: Scope): number {
    const name = nodes[0].name.value;
    if (name === '__typename') return 1;
    const parent = types[0];
    const def = this.fieldDef(parent, name);
    const args = getArgumentValues(def, nodes[0], this.variables);
    for (const [arg, value] of Object.entries(args)) {
      const problem = outOfRange(arg, value);
      if (problem) this.problems.push({ argument: arg, message: `${problem} (at ${parent.name}.${name})` });
    }
    const named = getNamedType(def.type);
    if (isLeafType(named)) return 1;
    // Past the leaf check, every node of the field has a selection set (validation requires one).
    const sets = nodes.map((n) => n.selectionSet!);
    const childTypes = isObjectType(named) ? [named] : this.schema.getPossibleTypes(named as never);
    const child = this.selections(childTypes, sets, SCOPES[`${parent.name}.${name}`]?.(args, this.bounds, scope) ?? {});
    const inner = isNonNullType(def.type) ? def.type.ofType : def.type;
    const cost = isListType(inner) ? 1 + this.listLength(types, name, args, scope) * child : 1 + child;
    if (def !== SchemaMetaFieldDef && def !== TypeMetaFieldDef) return cost;
    this.introspectionCost += cost;
    return 0;
  }

  /** The longest the list `types.field` can be. */
  private listLength(types: readonly GraphQLObjectType[], field: string, args: Record<string, unknown>, scope: Scope): number {
    const key = `${types[0].name}.${field}`;
    const first = typeof args.first === 'number' ? args.first : Infinity;
    const fixed = FIXED_LENGTHS[key];
    if (fixed || key in this.introspection) {
      const size = fixed ? fixed(scope, first, this.bounds) : this.introspection[key];
      // Stryker disable next-line StringLiteral: equivalent, unreachable on this schema: each list of FIXED_LENGTHS sits below a parent that sets its scope (README: Mutation testing)
      if (size === undefined || !Number.isFinite(size)) throw new Error(`no size bound for ${key}`);
      return size;
    }
    // A field of the entity types: its longest answer on the graph, or the page asked for when that is shorter.
    const direction = args.direction as Direction | undefined;
    return Math.min(first, Math.max(...types.map((t) => this.bounds.fieldMax(t.name, field, direction))));
  }

  /** A field's definition; validation has let `__schema` and `__type` through only on the query type. */
  private fieldDef(parent: GraphQLObjectType, name: string): GraphQLField<unknown, unknown> {
    if (name === '__schema') return SchemaMetaFieldDef;
    if (name === '__type') return TypeMetaFieldDef;
    return parent.getFields()[name];
  }

  private included(node: { directives?: readonly unknown[] }): boolean {
    const skip = getDirectiveValues(GraphQLSkipDirective, node as never, this.variables);
    const include = getDirectiveValues(GraphQLIncludeDirective, node as never, this.variables);
    return skip?.if !== true && include?.if !== false;
  }

  private applies(condition: string | undefined, type: GraphQLObjectType): boolean {
    if (!condition || condition === type.name) return true;
    const conditionType = this.schema.getType(condition);
    return !!conditionType && isAbstractType(conditionType) && this.schema.isSubType(conditionType, type);
  }

  /** The type conditions in these selection sets (through fragments) that `type` meets: what tells types apart. */
  private conditionsMet(type: GraphQLObjectType, sets: readonly SelectionSetNode[], seen = new Set<string>()): string[] {
    // Stryker disable next-line ArrayDeclaration: equivalent, an element every type's list starts with tells no two types apart (README: Mutation testing)
    const met: string[] = [];
    for (const set of sets) {
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) continue;
        const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? this.fragments[selection.name.value] : selection;
        if (!fragment || (selection.kind === Kind.FRAGMENT_SPREAD && seen.has(selection.name.value))) continue;
        if (selection.kind === Kind.FRAGMENT_SPREAD) seen.add(selection.name.value);
        const condition = fragment.typeCondition?.name.value;
        if (!this.applies(condition, type)) continue;
        if (condition) met.push(condition);
        met.push(...this.conditionsMet(type, [fragment.selectionSet], seen));
      }
    }
    // Every type walks the same sets in the same order, so equal lists come out in equal order: no sort needed.
    return met;
  }

  /** The fields a value of `type` resolves, grouped by response key as graphql-js merges them. */
  private collectFields(type: GraphQLObjectType, sets: readonly SelectionSetNode[], into = new Map<string, FieldNode[]>(), seen = new Set<string>()) {
    for (const set of sets) {
      for (const selection of set.selections) {
        if (!this.included(selection)) continue;
        if (selection.kind === Kind.FIELD) {
          const key = selection.alias?.value ?? selection.name.value;
          into.set(key, [...(into.get(key) ?? []), selection]);
          continue;
        }
        const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? this.fragments[selection.name.value] : selection;
        if (!fragment || !this.applies(fragment.typeCondition?.name.value, type)) continue;
        if (selection.kind === Kind.FRAGMENT_SPREAD) {
          if (seen.has(selection.name.value)) continue;
          seen.add(selection.name.value);
        }
        this.collectFields(type, [fragment.selectionSet], into, seen);
      }
    }
    return into;
  }
}

const budgets = new WeakMap<GraphQLSchema, number>();

/** The introspection budget of a schema: LIMITS.introspectionHeadroom times the fullest standard query's cost on it. */
function introspectionBudget(schema: GraphQLSchema, bounds: GraphBounds): number {
  let budget = budgets.get(schema);
  if (budget === undefined) {
    const fullest = parse(
      getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true }),
    );
    const fragments = fullest.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
    const pricer = new Pricer(schema, fragments, {}, bounds);
    pricer.operation(fullest.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION)!);
    budget = Math.ceil(pricer.introspectionCost * LIMITS.introspectionHeadroom);
    budgets.set(schema, budget);
  }
  return budget;
}

/** Throws the 400 that an operation deserves before it runs; returns its cost and coerced variables when it may run. */
function checkOperation(schema: GraphQLSchema, document: { definitions: readonly unknown[] }, operation: OperationDefinitionNode, rawVariables: Record<string, unknown>, bounds: GraphBounds): { cost: number; variables: Record<string, unknown> } {
  if (operation.operation !== 'query') {
    throw new BadRequest(`this API serves queries only; ${operation.operation} operations are not supported`);
  }
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables, { maxErrors: 3 });
  if (coerced.errors) throw new BadUserInput(coerced.errors.map((e) => clip(e.message)).join('; '));
  const fragments = document.definitions.filter((d): d is FragmentDefinitionNode => (d as FragmentDefinitionNode).kind === Kind.FRAGMENT_DEFINITION);
  const pricer = new Pricer(schema, fragments, coerced.coerced, bounds);
  const cost = pricer.operation(operation);
  const [problem, ...more] = pricer.problems;
  if (problem) throw new BadUserInput([problem, ...more.slice(0, 2)].map((p) => p.message).join('; '), problem.argument);
  if (cost > LIMITS.maxCost) {
    throw new BadUserInput(
      `query cost ${cost} exceeds the limit of ${LIMITS.maxCost}: the cost is the most values the query can resolve, ` +
        `every list counted at its longest on this graph or at its page size (first, limit); ask for smaller pages or fewer nested lists`,
      undefined,
      { limit: 'maxCost', cost, max: LIMITS.maxCost },
    );
  }
  const budget = introspectionBudget(schema, bounds);
  if (pricer.introspectionCost > budget) {
    throw new BadUserInput(
      `introspection cost ${pricer.introspectionCost} exceeds the limit of ${budget}: ` +
        `the standard introspection query fits; nest __Type lists less deeply`,
      undefined,
      { limit: 'maxIntrospectionCost', cost: pricer.introspectionCost, max: budget },
    );
  }
  return { cost, variables: coerced.coerced };
}

type Checked = ReturnType<typeof checkOperation>;

/** Operations that passed, by the graph's bounds, then the operation's node (one per document and name), then the raw variables. */
const passed = new WeakMap<GraphBounds, WeakMap<OperationDefinitionNode, Map<string, Checked>>>();
/** Variable sets remembered per operation; past it the operation's memory starts over, so it stays bounded. */
const MAX_VARIABLE_SETS = 64;
/** Longer variables (as JSON) are checked every time: at most 64 × 4 KB per operation is held, not 64 bodies. */
const MAX_REMEMBERED_CHARS = 4096;

/**
 * checkOperation, remembered for operations that passed: the answer depends only on the schema (one per server), the
 * document (Apollo's document store, and the fast lane, hand back the same parsed node for the same text), the
 * operation, its variables and the graph's bounds. A refusal is not remembered, so it costs its full check every time.
 */
function checkVariables(schema: GraphQLSchema, document: { definitions: readonly unknown[] }, operation: OperationDefinitionNode, rawVariables: Record<string, unknown>, bounds: GraphBounds): Checked {
  let byOperation = passed.get(bounds);
  if (!byOperation) passed.set(bounds, (byOperation = new WeakMap()));
  let byVariables = byOperation.get(operation);
  if (!byVariables) byOperation.set(operation, (byVariables = new Map()));
  let key: string;
  try {
    key = JSON.stringify(rawVariables);
  } catch {
    // Nested too deep to print (JSON.parse reads deeper than JSON.stringify writes): checked, and refused, unremembered.
    return checkOperation(schema, document, operation, rawVariables, bounds);
  }
  if (key.length > MAX_REMEMBERED_CHARS) return checkOperation(schema, document, operation, rawVariables, bounds);
  let checked = byVariables.get(key);
  if (!checked) {
    checked = checkOperation(schema, document, operation, rawVariables, bounds);
    if (byVariables.size >= MAX_VARIABLE_SETS) byVariables.clear();
    byVariables.set(key, checked);
  }
  return checked;
}

/**
 * Admits a request's operation to execution, or throws its refusal: checked on the graph's bounds (a 503 when they
 * cannot be measured), its cost and coerced variables kept on the context, its deadline started. Apollo's requests come
 * here through the plugin below, the fast lane's directly (src/fastlane.ts).
 */
export async function admit(
  context: Context,
  schema: GraphQLSchema,
  document: { definitions: readonly unknown[] },
  operation: OperationDefinitionNode | null | undefined,
  rawVariables: Record<string, unknown>,
): Promise<void> {
  // The graph is measured through the request context's guarded store, which turns an outage into a 503 already.
  const bounds = await context.bounds(schema);
  // A document without a unique operation to run (several unnamed, or a name it lacks): execution refuses it.
  if (!operation) return;
  const checked = checkVariables(schema, document, operation, rawVariables, bounds);
  context.cost = checked.cost;
  context.variables = checked.variables;
  context.guard.start();
}

/** What clients see their query was priced at, as Shopify's and GitHub's APIs show theirs. */
export function costExtension(cost: number) {
  return { cost: { requested: cost, limit: LIMITS.maxCost } };
}

/** An Apollo plugin: once the operation is known, check it; the cost is kept on the context for the deadline's log. */
export function requestChecksPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operation, contextValue }) {
          await admit(contextValue, schema, document, operation, request.variables ?? {});
        },
        async willSendResponse({ response, contextValue }) {
          if (contextValue.cost === undefined || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, ...costExtension(contextValue.cost) };
        },
      };
    },
  };
}
