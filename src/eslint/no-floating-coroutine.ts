/**
 * The rule `no-floating-coroutine`: a coroutine created and thrown away never runs.
 *
 * Python reports `coroutine 'f' was never awaited` when such a coroutine is collected;
 * JavaScript has no hook on the creation or collection of a generator, so asyncio-ts
 * cannot see `f();` at run time at all. This rule sees it in the source instead, the way
 * typescript-eslint's `no-floating-promises` sees a promise thrown away.
 *
 * With type information (typescript-eslint's typed linting) a value is a coroutine when
 * its type has required `next`, `throw` and `return` methods: a `Generator`, which is
 * what `Coroutine<T>` is. Without it, the rule goes by what the syntax shows: calls of
 * `function*` functions declared in the same file, and of asyncio-ts's own coroutine
 * functions imported from "asyncio-ts".
 *
 * The plugin has no runtime dependency: the TypeScript checker comes from the parser
 * services of the file being linted, and TypeScript's and ESLint's modules are imported
 * for their types only.
 */
import type { Rule, Scope, SourceCode } from "eslint";
import type * as ESTree from "estree";
import type * as ts from "typescript";

/**
 * The functions of asyncio-ts's public surface that return a coroutine (declared
 * `function*` or returning `Coroutine<T>`), by the name the package exports them under.
 * test/eslint/no-floating-coroutine.test.ts checks this list against src/index.ts.
 */
const ASYNCIO_COROUTINE_FUNCTIONS: ReadonlySet<string> = new Set([
  "sleep",
  "wait",
  "waitFor",
  "asyncWith",
  "openConnection",
  "startServer",
  "openUnixConnection",
  "startUnixServer",
  "toThread",
  "createSubprocessExec",
  "createSubprocessShell",
  "anext",
  "collect",
]);

const PACKAGE = "asyncio-ts";

/**
 * The wrappers that leave the value they wrap as it was: TypeScript's `x!`, `x as T`,
 * `x satisfies T` and `<T>x`, optional chains, and `await` (which gives a generator back).
 */
const TRANSPARENT = new Set(["ChainExpression", "TSAsExpression", "TSNonNullExpression", "TSSatisfiesExpression", "TSTypeAssertion", "AwaitExpression"]);

/** What typescript-eslint's parser gives a rule when the file is linted with types. */
interface TypedParserServices {
  program: ts.Program;
  esTreeNodeToTSNodeMap: { get(node: ESTree.Node): ts.Node };
}

type FunctionNode = ESTree.FunctionDeclaration | ESTree.FunctionExpression | ESTree.ArrowFunctionExpression;

/** Whether an expression, as written, is a coroutine. */
type CoroutineTest = (node: ESTree.Expression) => boolean;

/**
 * The rule `no-floating-coroutine`: reports a coroutine that is created and thrown away,
 * or given to a bare `yield`; the static form of Python's `RuntimeWarning: coroutine 'f'
 * was never awaited`, as typescript-eslint's `no-floating-promises` is for promises.
 * Its suggestion adds the missing `yield*`. It throws nothing.
 */
export const noFloatingCoroutine: Rule.RuleModule = {
  meta: {
    type: "problem",
    docs: {
      description: "Require a coroutine to be awaited with yield* or handed to something that runs it",
      recommended: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      floating: "Coroutine '{{name}}' is created but never run: add yield* to await it, or pass it to asyncio.createTask to run it concurrently",
      floatingValue: "Coroutine '{{name}}' is thrown away without being run: add yield* to await it, or pass it to asyncio.createTask to run it concurrently",
      bareYield:
        "Coroutine '{{name}}' is yielded, not awaited: a task cannot run a coroutine given to a bare yield; use yield* to await it (a generator that hands out coroutines on purpose says so with a return type annotation)",
      addYieldStar: "Await it: add yield*",
      useYieldStar: "Await it: use yield* instead of yield",
    },
  },

  create(context) {
    const sourceCode = context.sourceCode;
    const services = typedServices(sourceCode);
    const isCoroutine = services ? typedTest(services) : syntacticTest(sourceCode);

    return {
      ExpressionStatement(statement) {
        for (const node of discarded(statement.expression)) {
          if (!isCoroutine(node)) continue;
          const callee = calleeName(node, sourceCode);
          const inGenerator = isCoroutineFunction(enclosingFunction(node));
          const bare = (node as Rule.Node).parent === statement;
          context.report({
            node,
            messageId: callee === undefined ? "floatingValue" : "floating",
            data: { name: callee ?? shortText(node, sourceCode) },
            suggest: inGenerator
              ? [
                  {
                    messageId: "addYieldStar",
                    fix: (fixer) =>
                      bare ? fixer.insertTextBefore(node, "yield* ") : fixer.replaceText(node, `(yield* ${sourceCode.getText(node)})`),
                  },
                ]
              : [],
          });
        }
      },

      YieldExpression(node) {
        const argument = node.argument;
        if (node.delegate || !argument || !isCoroutine(argument)) return;
        const generator = enclosingFunction(node);
        // A generator whose return type is written out says what it yields: TypeScript
        // checks its yields (a Coroutine<T> cannot yield a coroutine), and one declared
        // to yield coroutines hands them out on purpose, as a source for gather.
        if (generator && (generator as { returnType?: unknown }).returnType) return;
        const keyword = sourceCode.getFirstToken(node)!;
        context.report({
          node,
          messageId: "bareYield",
          data: { name: calleeName(argument, sourceCode) ?? shortText(argument, sourceCode) },
          suggest: isCoroutineFunction(generator) ? [{ messageId: "useYieldStar", fix: (fixer) => fixer.insertTextAfter(keyword, "*") }] : [],
        });
      },
    };
  },
};

/** The parser services when the file is linted with type information, else undefined. */
function typedServices(sourceCode: SourceCode): TypedParserServices | undefined {
  const services = sourceCode.parserServices as Partial<TypedParserServices> | undefined;
  return services?.program && services.esTreeNodeToTSNodeMap ? (services as TypedParserServices) : undefined;
}

/**
 * The parts of a thrown-away expression whose values are thrown away with it: both
 * branches of `c ? f() : g()`, both sides of `a && f()`, each item of `f(), g()`.
 * `void f()` says the value is thrown away on purpose, as in no-floating-promises; an
 * assignment keeps the coroutine in its target.
 */
function discarded(node: ESTree.Expression): ESTree.Expression[] {
  switch (node.type) {
    case "ConditionalExpression":
      return [...discarded(node.consequent), ...discarded(node.alternate)];
    case "LogicalExpression":
      return [...discarded(node.left), ...discarded(node.right)];
    case "SequenceExpression":
      return node.expressions.flatMap(discarded);
    case "UnaryExpression":
      return node.operator === "void" ? [] : [node];
    case "AssignmentExpression":
      return [];
    default:
      return [node];
  }
}

/** The expression inside TypeScript's wrappers (`x!`, `x as T`), `await` and optional chains. */
function unwrap(node: ESTree.Expression): ESTree.Expression {
  let inner = node;
  while (TRANSPARENT.has(inner.type)) {
    const wrapper = inner as { expression?: ESTree.Expression; argument?: ESTree.Expression };
    inner = wrapper.expression ?? wrapper.argument!;
  }
  return inner;
}

/** With types: the expression's type is a generator (or a union that may be one). */
function typedTest(services: TypedParserServices): CoroutineTest {
  const checker = services.program.getTypeChecker();
  return (node) => isCoroutineType(checker, checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(node)));
}

/**
 * A coroutine type has `next`, `throw` and `return`, none optional: a Generator, not an
 * iterator (whose `throw` and `return` are optional) nor an IteratorResult.
 */
function isCoroutineType(checker: ts.TypeChecker, type: ts.Type): boolean {
  if (type.isUnionOrIntersection()) return type.types.some((member) => isCoroutineType(checker, member));
  if (type.isTypeParameter()) {
    const constraint = checker.getBaseConstraintOfType(type);
    return constraint !== undefined && constraint !== type && isCoroutineType(checker, constraint);
  }
  const apparent = checker.getApparentType(type);
  return ["next", "throw", "return"].every((name) => {
    const method = apparent.getProperty(name);
    return method !== undefined && !method.declarations?.some((declaration) => (declaration as { questionToken?: unknown }).questionToken);
  });
}

/**
 * Without types: a call of a generator function declared in this file (`function* f`,
 * `const f = function* …`), or of an asyncio-ts coroutine function imported from the
 * package (`import * as asyncio`, `import { sleep }`, `const asyncio = require(…)`).
 */
function syntacticTest(sourceCode: SourceCode): CoroutineTest {
  return (node) => {
    const call = unwrap(node);
    if (call.type !== "CallExpression") return false;
    const callee = unwrap(call.callee as ESTree.Expression);
    if (callee.type === "Identifier") {
      const variable = findVariable(sourceCode.getScope(callee), callee.name);
      return variable !== undefined && variable.defs.some(isCoroutineFunctionDefinition);
    }
    if (callee.type === "MemberExpression" && callee.object.type === "Identifier") {
      const name = propertyName(callee);
      const variable = findVariable(sourceCode.getScope(callee), callee.object.name);
      return name !== undefined && ASYNCIO_COROUTINE_FUNCTIONS.has(name) && variable !== undefined && variable.defs.some(isPackageNamespace);
    }
    return false;
  };
}

function findVariable(scope: Scope.Scope | null, name: string): Scope.Variable | undefined {
  for (; scope; scope = scope.upper) {
    const variable = scope.set.get(name);
    if (variable) return variable;
  }
  return undefined;
}

function isCoroutineFunctionDefinition(definition: Scope.Definition): boolean {
  switch (definition.type) {
    case "FunctionName":
      return isCoroutineFunction(definition.node);
    case "Variable":
      return definition.parent.kind === "const" && !!definition.node.init && isCoroutineFunction(definition.node.init as ESTree.Node);
    case "ImportBinding":
      return (
        definition.node.type === "ImportSpecifier" &&
        definition.parent.type === "ImportDeclaration" &&
        definition.parent.source.value === PACKAGE &&
        ASYNCIO_COROUTINE_FUNCTIONS.has(moduleExportName(definition.node.imported))
      );
    default:
      return false;
  }
}

/** `import * as asyncio from "asyncio-ts"` or `const asyncio = require("asyncio-ts")`. */
function isPackageNamespace(definition: Scope.Definition): boolean {
  if (definition.type === "ImportBinding") {
    return definition.node.type === "ImportNamespaceSpecifier" && definition.parent.type === "ImportDeclaration" && definition.parent.source.value === PACKAGE;
  }
  if (definition.type === "Variable" && definition.node.id.type === "Identifier") {
    const init = definition.node.init;
    return (
      init?.type === "CallExpression" &&
      init.callee.type === "Identifier" &&
      init.callee.name === "require" &&
      init.arguments[0]?.type === "Literal" &&
      init.arguments[0].value === PACKAGE
    );
  }
  return false;
}

function moduleExportName(name: ESTree.Identifier | ESTree.Literal): string {
  return name.type === "Identifier" ? name.name : String(name.value);
}

function isCoroutineFunction(node: ESTree.Node | undefined): node is FunctionNode {
  return (node?.type === "FunctionDeclaration" || node?.type === "FunctionExpression") && node.generator === true && node.async !== true;
}

function enclosingFunction(node: ESTree.Node): FunctionNode | undefined {
  for (let parent = (node as Rule.Node).parent; parent; parent = (parent as Rule.Node).parent) {
    if (parent.type === "FunctionDeclaration" || parent.type === "FunctionExpression" || parent.type === "ArrowFunctionExpression") return parent;
  }
  return undefined;
}

function propertyName(member: ESTree.MemberExpression): string | undefined {
  const property = member.property;
  if (!member.computed && property.type === "Identifier") return property.name;
  if (property.type === "PrivateIdentifier") return `#${property.name}`;
  if (property.type === "Literal" && typeof property.value === "string") return property.value;
  return undefined;
}

/** The name of the function a call calls, as the message names it (Python names the function too). */
function calleeName(node: ESTree.Expression, sourceCode: SourceCode): string | undefined {
  const call = unwrap(node);
  if (call.type !== "CallExpression") return undefined;
  const callee = unwrap(call.callee as ESTree.Expression);
  if (callee.type === "Identifier") return callee.name;
  if (callee.type === "MemberExpression") return propertyName(callee) ?? shortText(callee, sourceCode);
  if (callee.type === "FunctionExpression" && callee.id) return callee.id.name;
  return shortText(callee, sourceCode);
}

function shortText(node: ESTree.Node, sourceCode: SourceCode): string {
  const text = sourceCode.getText(node).replace(/\s+/g, " ");
  return text.length <= 40 ? text : `${text.slice(0, 39)}…`;
}
