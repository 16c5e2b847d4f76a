// chanlab's Go editor: CodeMirror 6 with Go support, bundled by esbuild into dist/editor.js
// (scripts/build-editor.sh, run by Trunk) and loaded by the page when the code is first focused
// (src/ui/code_editor.rs).
//
// The editor lives in a shadow root: CodeMirror then puts its styles in a constructed
// stylesheet, which a Content-Security-Policy without 'unsafe-inline' allows, rather than in a
// <style> element, which it blocks. Its colours are the page's CSS variables, which cross the
// shadow boundary, so it follows the page's light and dark themes.
//
// mount(host, options) → handle; the page owns the program: the editor reports every edit
// (onChange) and is told what to show (setDoc), what to mark (setMarks), which line to bring
// into view (reveal) and where to move the cursor (moveTo). Ctrl/Cmd+Enter is left to the page, which runs the program from anywhere.

import { EditorState, StateEffect, StateField, Compartment } from '@codemirror/state';
import {
  EditorView, Decoration, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter,
  highlightSpecialChars, drawSelection, dropCursor, rectangularSelection, crosshairCursor,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import {
  indentOnInput, indentUnit, bracketMatching, syntaxHighlighting, HighlightStyle, foldGutter,
  foldKeymap,
} from '@codemirror/language';
import { searchKeymap, highlightSelectionMatches } from '@codemirror/search';
import { closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete';
import { go } from '@codemirror/lang-go';
import { tags as t } from '@lezer/highlight';

// Characters a reader cannot see: the same set as src/view/invisible.rs. Each is drawn as a
// mark (with its code point as a tooltip), and bidirectional controls lose their effect.
const SPECIAL =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffc]/g;

const highlight = HighlightStyle.define([
  { tag: t.keyword, color: 'var(--tok-kw)' },
  { tag: [t.typeName, t.standard(t.typeName)], color: 'var(--tok-type)' },
  { tag: [t.standard(t.variableName), t.bool, t.null], color: 'var(--tok-builtin)' },
  { tag: [t.function(t.variableName), t.function(t.propertyName), t.definition(t.function(t.variableName))], color: 'var(--tok-func)' },
  { tag: [t.string, t.character, t.special(t.string)], color: 'var(--tok-str)' },
  { tag: t.number, color: 'var(--tok-num)' },
  { tag: [t.comment, t.lineComment, t.blockComment], color: 'var(--tok-comment)', fontStyle: 'italic' },
  { tag: t.invalid, color: 'var(--danger)' },
]);

const theme = EditorView.theme({
  '&': {
    color: 'var(--text)',
    backgroundColor: 'var(--code-bg)',
    fontSize: '13px',
    maxHeight: 'var(--editor-max-height, 80vh)',
  },
  '&.cm-focused': { outline: '2px solid var(--accent)', outlineOffset: '-1px' },
  '.cm-scroller': { overflow: 'auto', fontFamily: 'var(--mono)', lineHeight: '1.5' },
  '.cm-content': { caretColor: 'var(--text)', padding: '0.75rem 0' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection':
    { backgroundColor: 'var(--accent-soft)' },
  '.cm-gutters': {
    backgroundColor: 'var(--code-bg)', color: 'var(--muted)', border: 'none',
    borderRight: '1px solid var(--border)',
  },
  '.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--accent-soft) 45%, transparent)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--accent-soft)', color: 'var(--text)' },
  '.cm-matchingBracket': { backgroundColor: 'var(--accent-soft)', outline: '1px solid var(--accent)' },
  '.cm-specialChar': { color: 'var(--danger)', fontWeight: 'bold' },
  '.cm-panels': { backgroundColor: 'var(--panel)', color: 'var(--text)' },
  '.cm-panels-bottom': { borderTop: '1px solid var(--border)' },
  '.cm-textfield': {
    backgroundColor: 'var(--bg)', color: 'var(--text)', border: '1px solid var(--border)',
    fontSize: '0.9rem',
  },
  '.cm-button': {
    backgroundImage: 'none', backgroundColor: 'var(--panel)', color: 'var(--text)',
    border: '1px solid var(--border)', fontSize: '0.9rem',
  },
  '.cm-searchMatch': { backgroundColor: 'var(--notice)', outline: '1px solid var(--notice-border)' },
  '.cm-mark-line': { backgroundColor: 'var(--danger-soft)' },
  '.cm-mark': {
    textDecoration: 'underline wavy var(--danger)', textDecorationSkipInk: 'none',
    textUnderlineOffset: '3px',
  },
  // Phones: larger text, so the page does not zoom in on focus.
  '@media (max-width: 40rem)': { '&': { fontSize: '16px' } },
});

// ---- marks: a line and a place in it, for a compile error or the line a run failed at ----

const setMarks = StateEffect.define();

const marksField = StateField.define({
  create: () => Decoration.none,
  update(marks, tr) {
    marks = marks.map(tr.changes);
    for (const e of tr.effects) if (e.is(setMarks)) marks = e.value;
    return marks;
  },
  provide: (f) => EditorView.decorations.from(f),
});

/** Decorations for [{line, col, message}] (1-based; col 0 marks the whole line only). */
function markDecorations(doc, marks) {
  const ranges = [];
  for (const m of marks) {
    if (!(m.line >= 1 && m.line <= doc.lines)) continue;
    const line = doc.line(m.line);
    ranges.push(Decoration.line({
      class: 'cm-mark-line',
      attributes: { title: m.message },
    }).range(line.from));
    if (m.col >= 1) {
      const from = Math.min(line.from + m.col - 1, line.to);
      // The word at the column, or one character.
      const rest = line.text.slice(from - line.from);
      const word = /^[\p{L}\p{N}_]+/u.exec(rest);
      const to = Math.min(line.to, from + (word ? word[0].length : 1));
      if (to > from) {
        ranges.push(Decoration.mark({
          class: 'cm-mark',
          attributes: { title: m.message },
        }).range(from, to));
      }
    }
  }
  return Decoration.set(ranges, true);
}

// ---- the editor ----

/** Long lines wrap on a phone's narrow screen and scroll sideways elsewhere. */
const wrapping = new Compartment();
const narrow = () => typeof matchMedia === 'function' && matchMedia('(max-width: 40rem)').matches;

/**
 * Mounts an editor in `host` (an element of the page). Options: doc (the program),
 * selection {anchor, head} (character offsets), focus (bool), label (its accessible name),
 * onChange(text) (every edit the user makes).
 */
export function mount(host, options) {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  root.replaceChildren();
  let external = false;
  const docLength = options.doc.length;
  const clamp = (n) => Math.max(0, Math.min(docLength, n | 0));
  const selection = options.selection
    ? { anchor: clamp(options.selection.anchor), head: clamp(options.selection.head) }
    : undefined;
  const view = new EditorView({
    root,
    parent: root,
    state: EditorState.create({
      doc: options.doc,
      selection,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightSpecialChars({ specialChars: SPECIAL, addSpecialChars: null }),
        history(),
        foldGutter(),
        drawSelection(),
        dropCursor(),
        EditorState.allowMultipleSelections.of(true),
        indentOnInput(),
        syntaxHighlighting(highlight),
        bracketMatching(),
        closeBrackets(),
        rectangularSelection(),
        crosshairCursor(),
        highlightActiveLine(),
        highlightSelectionMatches(),
        go(),
        indentUnit.of('\t'),
        EditorState.tabSize.of(4),
        wrapping.of(narrow() ? EditorView.lineWrapping : []),
        keymap.of([
          // The page runs the program on Ctrl/Cmd+Enter from anywhere; here it only must not
          // insert a line.
          { key: 'Mod-Enter', run: () => true },
          ...closeBracketsKeymap,
          ...defaultKeymap,
          ...searchKeymap,
          ...historyKeymap,
          ...foldKeymap,
          indentWithTab,
        ]),
        marksField,
        theme,
        EditorView.contentAttributes.of({
          'data-testid': 'go-editor',
          'aria-label': options.label || 'Go source',
          autocapitalize: 'off',
          autocorrect: 'off',
          spellcheck: 'false',
        }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged && !external) options.onChange(u.state.doc.toString());
        }),
      ],
    }),
  });
  let media = null;
  if (typeof matchMedia === 'function') {
    media = matchMedia('(max-width: 40rem)');
    media.onchange = () => view.dispatch({
      effects: wrapping.reconfigure(media.matches ? EditorView.lineWrapping : []),
    });
  }
  if (options.focus) view.focus();

  return {
    /** Shows `text` (a Reset, a pattern or parameter change): undoable, not reported back. */
    setDoc(text) {
      if (view.state.doc.toString() === text) return;
      external = true;
      try {
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
      } finally {
        external = false;
      }
    },
    /** Marks [{line, col, message}]; an empty list clears them. */
    setMarks(marks) {
      view.dispatch({ effects: setMarks.of(markDecorations(view.state.doc, marks || [])) });
    },
    /** Scrolls line (1-based) into the middle of the view; the cursor and focus stay. */
    reveal(line) {
      const doc = view.state.doc;
      const l = doc.line(Math.max(1, Math.min(doc.lines, line | 0)));
      view.dispatch({ effects: EditorView.scrollIntoView(l.from, { y: 'center' }) });
    },
    /** Puts the cursor at line:col (1-based), scrolls it into view and focuses the editor. */
    moveTo(line, col) {
      const doc = view.state.doc;
      const l = doc.line(Math.max(1, Math.min(doc.lines, line | 0)));
      const pos = Math.min(l.to, l.from + Math.max(0, (col | 0) - 1));
      view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
      view.focus();
    },
    /** The program the editor holds. */
    text() {
      return view.state.doc.toString();
    },
    destroy() {
      if (media) media.onchange = null;
      view.destroy();
    },
  };
}
