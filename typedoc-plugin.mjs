// @ts-check
/**
 * TypeDoc plugin for this project's reference (`npm run docs`). Three things TypeScript's own
 * structure makes TypeDoc report, handled here rather than hidden with a blanket option:
 *
 * - A mixin returns an anonymous class type whose `prototype` TypeDoc lists as an undocumented
 *   property of every view built from it: it is removed.
 * - A member copied by a mapped type (`Omit<typeof View, 'prototype'>`) loses its comment,
 *   and a getter seen as a property through a mixin's type has none: each gets the comment
 *   of the member it comes from.
 * - An entry of a message registry (`MESSAGES`, `FORM_MESSAGES`, …) is documented by its
 *   own text: the entry's source (the message template) becomes its comment.
 */
import { Comment, Converter, ReflectionKind } from 'typedoc';
import ts from 'typescript';

/** @param {import('typedoc').Application} app */
export function load(app) {
  /** @type {Set<import('typedoc').Reflection>} */
  const prototypes = new Set();

  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    const parent = reflection.parent;
    if (reflection.comment) return;
    const symbol = context.getSymbolFromReflection(reflection);
    /** @type {ts.Symbol | undefined} */
    const origin = symbol && /** @type {any} */ (symbol).links?.syntheticOrigin;
    if (origin) reflection.comment = context.getComment(origin, reflection.kind);
    // A getter seen as a property (a class's statics through a mixin's type): its getter's comment.
    const getter = (origin ?? symbol)?.declarations?.find(ts.isGetAccessorDeclaration);
    if (!reflection.comment && getter && reflection.kindOf(ReflectionKind.Property)) reflection.comment = context.getSignatureComment(getter);
    if (reflection.comment) return;
    if (!parent?.kindOf(ReflectionKind.TypeLiteral)) return;
    if (reflection.name === 'prototype') {
      prototypes.add(reflection);
      return;
    }
    const declaration = symbol?.valueDeclaration;
    if (/MESSAGES$/.test(parent.parent?.name ?? '') && declaration && ts.isPropertyAssignment(declaration)) {
      reflection.comment = new Comment([{ kind: 'code', text: '```ts\n' + declaration.initializer.getText() + '\n```' }]);
    }
  });

  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const reflection of prototypes) context.project.removeReflection(reflection);
    prototypes.clear();
  });
}
