/**
 * Which Obsidian APIs the plugin uses, and since which Obsidian version each exists. The TypeScript compiler
 * resolves every name in the bundle's sources (what src/main.ts and the graph worker import) to its declaration;
 * a declaration in obsidian.d.ts carries `@since` in its doc comment (a member without one takes its class's).
 * Names in type positions are left out: a type needs nothing from the app at run time.
 *
 * A use is *guarded* when it runs only where the API exists: inside `if (requireApiVersion('X'))` (X at least
 * its @since), after `if (!requireApiVersion('X')) return`, behind `'name' in obj`, `typeof obj.name`, a
 * truthiness test of `obj.name`, or called as `obj.name?.()`. scripts/check-min-app-version.ts prints the
 * report and fails when manifest.json's minAppVersion is below an unguarded use.
 */
import ts from 'typescript';

export interface ApiUse {
  /** `Vault.process`, `requireApiVersion`, `Array.findLastIndex`. */
  api: string;
  /** The version its @since names; null when obsidian.d.ts gives none (older than the tags). */
  since: string | null;
  file: string;
  line: number;
  /** How the use is guarded, or null. */
  guard: string | null;
}

const OBSIDIAN_DTS = /[\\/]node_modules[\\/]obsidian[\\/]obsidian\.d\.ts$/;

/** Numeric dotted versions: negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function findApiUses(program: ts.Program, ownFile: (fileName: string) => boolean, relativeName: (fileName: string) => string): ApiUse[] {
  const checker = program.getTypeChecker();
  const uses: ApiUse[] = [];

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isImportEqualsDeclaration(node)) return;
    if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) return;
    if (ts.isHeritageClause(node)) {
      // `extends` of a class runs; `implements` and an interface's `extends` are types.
      if (node.token === ts.SyntaxKind.ExtendsKeyword && !ts.isInterfaceDeclaration(node.parent)) {
        for (const type of node.types) visit(type.expression);
      }
      return;
    }
    if (ts.isTypeNode(node)) return;
    if (ts.isIdentifier(node)) {
      const use = resolveUse(node);
      if (use) uses.push(use);
      return;
    }
    ts.forEachChild(node, visit);
  };

  const resolveUse = (id: ts.Identifier): ApiUse | null => {
    const declarations = obsidianDeclarations(id);
    if (declarations.length === 0) return null;
    const first = declarations[0]!;
    const sinces = declarations.map(sinceOf);
    const since = sinces.includes(null) ? null : (sinces as string[]).sort(compareVersions)[0]!;
    const container = containerName(first);
    // `new Notice(…)` resolves to Notice's constructor: the API is the class.
    const api = container && ts.isConstructorDeclaration(first) ? container : container ? `${container}.${id.text}` : id.text;
    const sf = id.getSourceFile();
    const line = sf.getLineAndCharacterOfPosition(id.getStart(sf)).line + 1;
    return { api, since, file: relativeName(sf.fileName), line, guard: since === null ? null : findGuard(id, since) };
  };

  /** The obsidian.d.ts declarations a name resolves to; for a call, the overload it calls. */
  const obsidianDeclarations = (id: ts.Identifier): ts.Declaration[] => {
    let symbol = checker.getSymbolAtLocation(id);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    // obsidian.d.ts also declares names that JavaScript or the DOM have anyway (Math, String.startsWith).
    if (symbol?.declarations?.some((d) => program.isSourceFileDefaultLibrary(d.getSourceFile()))) return [];
    const call = callOf(id);
    if (call) {
      const declaration = checker.getResolvedSignature(call)?.declaration;
      if (declaration && !ts.isJSDocSignature(declaration) && OBSIDIAN_DTS.test(declaration.getSourceFile().fileName)) {
        return [declaration];
      }
    }
    const parent = id.parent;
    if (
      (ts.isPropertyAssignment(parent) || ts.isShorthandPropertyAssignment(parent) || ts.isMethodDeclaration(parent)) &&
      parent.name === id &&
      ts.isObjectLiteralExpression(parent.parent)
    ) {
      // `addCommand({ id, name, checkCallback })`: the key names a member of the type Obsidian asks for.
      const type = checker.getContextualType(parent.parent);
      symbol = type ? checker.getPropertyOfType(type, id.text) : undefined;
    }
    return (symbol?.declarations ?? []).filter((d) => OBSIDIAN_DTS.test(d.getSourceFile().fileName));
  };

  for (const sf of program.getSourceFiles()) {
    if (!sf.isDeclarationFile && ownFile(sf.fileName)) visit(sf);
  }
  return uses;
}

/** The call or `new` whose callee this name is (`f(…)`, `a.f(…)`, `new C(…)`). */
function callOf(id: ts.Identifier): ts.CallExpression | ts.NewExpression | null {
  const callee = ts.isPropertyAccessExpression(id.parent) && id.parent.name === id ? id.parent : id;
  const call = callee.parent;
  if ((ts.isCallExpression(call) || ts.isNewExpression(call)) && call.expression === callee) return call;
  return null;
}

function sinceOf(declaration: ts.Declaration): string | null {
  const own = sinceTag(declaration);
  if (own) return own;
  const parent = declaration.parent;
  if (ts.isClassDeclaration(parent) || ts.isInterfaceDeclaration(parent)) return sinceTag(parent);
  return null;
}

function sinceTag(node: ts.Node): string | null {
  for (const tag of ts.getJSDocTags(node)) {
    if (tag.tagName.text !== 'since') continue;
    const text = typeof tag.comment === 'string' ? tag.comment : ts.getTextOfJSDocComment(tag.comment);
    const version = /\d+(?:\.\d+)*/.exec(text ?? '');
    if (version) return version[0];
  }
  return null;
}

function containerName(declaration: ts.Declaration): string | null {
  const parent = declaration.parent;
  if ((ts.isClassDeclaration(parent) || ts.isInterfaceDeclaration(parent)) && parent.name) return parent.name.text;
  return null;
}

const strip = (e: ts.Expression): ts.Expression => (ts.isParenthesizedExpression(e) ? strip(e.expression) : e);

/** How the use of `id` (an API since `since`) is made safe on older apps, or null. */
export function findGuard(id: ts.Identifier, since: string): string | null {
  const name = id.text;
  const access = ts.isPropertyAccessExpression(id.parent) && id.parent.name === id ? id.parent : null;
  if (access) {
    const up = access.parent;
    if (ts.isCallExpression(up) && up.expression === access && up.questionDotToken) return 'called as ?.()';
    if (isPresenceTest(access)) return 'the presence test itself';
  }

  let child: ts.Node = id;
  for (let p: ts.Node | undefined = id.parent; p; child = p, p = p.parent) {
    let condition: ts.Expression | null = null;
    if (ts.isIfStatement(p) && child === p.thenStatement) condition = p.expression;
    else if (ts.isConditionalExpression(p) && child === p.whenTrue) condition = p.condition;
    else if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && child === p.right) condition = p.left;
    if (condition) {
      const guard = guardIn(condition, name, since);
      if (guard) return guard;
    }
    if (ts.isBlock(p) || ts.isSourceFile(p) || ts.isModuleBlock(p) || ts.isCaseClause(p) || ts.isDefaultClause(p)) {
      for (const statement of p.statements) {
        if (statement === child) break;
        if (ts.isIfStatement(statement) && !statement.elseStatement && exits(statement.thenStatement)) {
          const negated = strip(statement.expression);
          if (ts.isPrefixUnaryExpression(negated) && negated.operator === ts.SyntaxKind.ExclamationToken) {
            const guard = guardIn(negated.operand, name, since);
            if (guard) return `${guard}, else returned early`;
          }
        }
      }
    }
  }
  return null;
}

/** `typeof a.f`, `if (a.f)`, `!a.f`, `a.f && …`, `a.f === undefined`: the access only asks whether it exists. */
function isPresenceTest(access: ts.PropertyAccessExpression): boolean {
  let node: ts.Node = access;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const up = node.parent;
  if (ts.isTypeOfExpression(up)) return true;
  if (ts.isPrefixUnaryExpression(up) && up.operator === ts.SyntaxKind.ExclamationToken) return true;
  if ((ts.isIfStatement(up) || ts.isConditionalExpression(up)) && (ts.isIfStatement(up) ? up.expression : up.condition) === node) return true;
  if (ts.isBinaryExpression(up)) {
    const op = up.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken && up.left === node) return true;
    const other = strip(up.left === node ? up.right : up.left);
    const nothing = other.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(other) && other.text === 'undefined');
    const equality = [ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken];
    if (nothing && equality.includes(op)) return true;
  }
  return false;
}

/** A guard among the terms of an `&&` chain: a version check, or a test that `name` is present. */
function guardIn(expression: ts.Expression, name: string, since: string): string | null {
  const e = strip(expression);
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) {
    return guardIn(e.left, name, since) ?? guardIn(e.right, name, since);
  }
  if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'requireApiVersion') {
    const version = e.arguments[0];
    if (version && ts.isStringLiteralLike(version) && compareVersions(version.text, since) >= 0) return `requireApiVersion('${version.text}')`;
    return null;
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.InKeyword && ts.isStringLiteralLike(e.left) && e.left.text === name) {
    return `'${name}' in …`;
  }
  if (ts.isBinaryExpression(e)) {
    const typeOf = [e.left, e.right].map(strip).find(ts.isTypeOfExpression);
    const target = typeOf ? strip(typeOf.expression) : null;
    if (target && ts.isPropertyAccessExpression(target) && target.name.text === name) return `typeof ….${name}`;
  }
  if (ts.isPropertyAccessExpression(e) && e.name.text === name) return `….${name} tested first`;
  return null;
}

function exits(statement: ts.Statement): boolean {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement)) return true;
  return ts.isBlock(statement) && statement.statements.length === 1 && exits(statement.statements[0]!);
}

export interface ApiSummary {
  api: string;
  since: string;
  uses: number;
  /** The first unguarded use (`file:line`), or the first use when all are guarded. */
  where: string;
  /** Guards of the guarded uses, when every use is guarded. */
  guards: string[] | null;
}

export interface Verdict {
  ok: boolean;
  lines: string[];
  highest: ApiSummary | null;
}

/** APIs older than this are counted, not listed (unless `all`): they fill a screen and decide nothing. */
const LIST_FROM = '1.0.0';

/** Groups the uses by API and judges manifest.json's minAppVersion (and versions.json's entry for this version). */
export function judge(
  uses: ApiUse[],
  manifest: { version: string; minAppVersion: string },
  versions: Record<string, string>,
  all = false,
): Verdict {
  const byApi = new Map<string, ApiUse[]>();
  let untagged = 0;
  for (const use of uses) {
    if (use.since === null) {
      untagged++;
      continue;
    }
    byApi.set(use.api, [...(byApi.get(use.api) ?? []), use]);
  }
  const summaries: ApiSummary[] = [...byApi].map(([api, list]) => {
    const open = list.filter((u) => u.guard === null);
    const first = open[0] ?? list[0]!;
    return {
      api,
      since: list[0]!.since!,
      uses: list.length,
      where: `${first.file}:${first.line}`,
      guards: open.length === 0 ? [...new Set(list.map((u) => u.guard!))] : null,
    };
  });
  const order = (a: ApiSummary, b: ApiSummary): number => compareVersions(b.since, a.since) || a.api.localeCompare(b.api);
  const unguarded = summaries.filter((s) => s.guards === null).sort(order);
  const guarded = summaries.filter((s) => s.guards !== null).sort(order);
  const highest = unguarded[0] ?? null;
  const min = manifest.minAppVersion;

  const row = (s: ApiSummary): string => `  ${s.since.padEnd(8)}${s.api.padEnd(40)}${String(s.uses).padStart(3)}× ${s.where}`;
  const listed = all ? unguarded : unguarded.filter((s) => compareVersions(s.since, LIST_FROM) >= 0);
  const older = unguarded.slice(listed.length);
  const lines = [
    `Obsidian APIs the bundle uses: ${summaries.length} with @since, and ${untagged} uses of APIs without one (older than the tags).`,
    'Unguarded, newest first (since, API, uses, first use):',
    ...listed.map(row),
    ...(older.length > 0 ? [`  … and ${older.length} more from ${older.at(-1)!.since} to ${older[0]!.since} (--all lists them)`] : []),
    'Guarded (used only where the app has them):',
    ...(guarded.length === 0 ? ['  none'] : guarded.map((s) => `${row(s)}  [${s.guards!.join('; ')}]`)),
  ];
  let ok = true;
  if (highest === null) lines.push(`No unguarded API with @since; minAppVersion ${min}.`);
  else if (compareVersions(min, highest.since) < 0) {
    ok = false;
    lines.push(`FAIL: ${highest.api} needs Obsidian ${highest.since} (${highest.where}), but manifest.json's minAppVersion is ${min}: raise minAppVersion or guard the call.`);
  } else {
    lines.push(`Highest: ${highest.api} needs Obsidian ${highest.since} (${highest.where}); manifest.json's minAppVersion ${min} covers it.`);
  }
  if (versions[manifest.version] !== min) {
    ok = false;
    lines.push(`FAIL: versions.json maps ${manifest.version} to ${versions[manifest.version] ?? 'nothing'}, manifest.json's minAppVersion is ${min}.`);
  }
  return { ok, lines, highest };
}
