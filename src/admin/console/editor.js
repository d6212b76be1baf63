// A textarea with a line-number gutter whose numbers carry error markers. Lines never wrap, so the
// gutter and the text stay aligned by a fixed line height.
import { h } from './dom.js';

export class LineEditor {
  constructor(textarea, gutter) {
    this.textarea = textarea;
    this.gutter = gutter;
    this.errors = new Map();
    this.listeners = [];
    textarea.addEventListener('input', () => {
      this.renderGutter();
      for (const listener of this.listeners) listener(this.value);
    });
    textarea.addEventListener('scroll', () => {
      this.gutter.scrollTop = this.textarea.scrollTop;
    });
    textarea.addEventListener('keydown', (event) => this.onKey(event));
  }

  get value() {
    return this.textarea.value;
  }

  set value(text) {
    this.textarea.value = text;
    this.textarea.scrollTop = 0;
    this.renderGutter();
  }

  onInput(listener) {
    this.listeners.push(listener);
  }

  onKey(event) {
    if (event.key === 'Tab' && !event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      // execCommand keeps the browser's undo history; YAML indents with spaces.
      if (!document.execCommand('insertText', false, '  '))
        this.textarea.setRangeText('  ', this.textarea.selectionStart, this.textarea.selectionEnd, 'end');
    } else if (event.key === 'Escape') {
      this.textarea.blur();
    }
  }

  /** errors: [{line, column, message}] — shown as gutter markers with the message as a tooltip. */
  setErrors(errors) {
    this.errors = new Map();
    for (const error of errors) {
      const list = this.errors.get(error.line) ?? [];
      list.push(error.message);
      this.errors.set(error.line, list);
    }
    this.renderGutter();
  }

  renderGutter() {
    const count = this.textarea.value.split('\n').length;
    const rows = [];
    for (let line = 1; line <= count; line++) {
      const messages = this.errors.get(line);
      rows.push(
        h(
          'div',
          {
            class: messages ? 'ln error' : 'ln',
            'data-line': line,
            title: messages ? messages.join('\n') : undefined,
          },
          messages ? h('span', { class: 'marker', text: '●' }) : null,
          String(line),
        ),
      );
    }
    this.gutter.replaceChildren(...rows, h('div', { class: 'ln pad' }));
    this.gutter.scrollTop = this.textarea.scrollTop;
  }

  /** Puts the caret at line:column and scrolls it into view. */
  focusLine(line, column = 1) {
    const lines = this.textarea.value.split('\n');
    let offset = 0;
    for (let index = 0; index < Math.min(line - 1, lines.length); index++) offset += lines[index].length + 1;
    const lineLength = lines[line - 1]?.length ?? 0;
    const caret = offset + Math.min(Math.max(column - 1, 0), lineLength);
    this.textarea.focus();
    this.textarea.setSelectionRange(caret, offset + lineLength);
    const lineHeight = Number.parseFloat(getComputedStyle(this.textarea).lineHeight) || 20;
    const top = (line - 1) * lineHeight;
    if (
      top < this.textarea.scrollTop ||
      top > this.textarea.scrollTop + this.textarea.clientHeight - lineHeight * 2
    ) {
      this.textarea.scrollTop = Math.max(0, top - this.textarea.clientHeight / 3);
    }
    this.gutter.querySelector(`[data-line="${line}"]`)?.classList.add('flash');
    setTimeout(() => this.gutter.querySelector(`[data-line="${line}"]`)?.classList.remove('flash'), 1200);
  }
}
