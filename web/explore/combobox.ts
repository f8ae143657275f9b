/** A search box with a list of hits under it: arrows move through the hits, Enter or a click picks one, Escape closes. */
import { request, SearchDocument } from './api';
import type { CardFragment } from './gql/graphql';

export interface ComboboxOptions {
  /** How a hit is shown: its main text, a second line and its swatch colours. */
  describe(entity: CardFragment): { text: string; other: string; fill: string; border: string };
  pick(entity: CardFragment): void;
  onError(error: unknown): void;
}

export function combobox(input: HTMLInputElement, listbox: HTMLUListElement, options: ComboboxOptions): void {
  let hits: CardFragment[] = [];
  let active = -1;
  let asked = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const close = () => {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const highlight = (index: number) => {
    active = index;
    for (const [i, li] of [...listbox.children].entries()) li.setAttribute('aria-selected', String(i === index));
    const option = listbox.children[index] as HTMLElement | undefined;
    if (option) {
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    }
  };

  const choose = (index: number) => {
    const entity = hits[index];
    if (!entity) return;
    close();
    input.value = options.describe(entity).text;
    options.pick(entity);
  };

  const render = () => {
    listbox.replaceChildren(
      ...hits.map((entity, i) => {
        const shown = options.describe(entity);
        const li = document.createElement('li');
        li.id = `${listbox.id}-${i}`;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.dataset.id = entity.id;
        const swatch = document.createElement('span');
        swatch.className = 'swatch';
        swatch.style.backgroundColor = shown.fill;
        swatch.style.borderColor = shown.border;
        const text = document.createElement('span');
        text.textContent = shown.text;
        const meta = document.createElement('span');
        meta.className = 'meta';
        meta.textContent = `${shown.other} · ${entity.kind}`;
        li.append(swatch, text, meta);
        // mousedown, not click: the input keeps its focus.
        li.addEventListener('mousedown', (event) => {
          event.preventDefault();
          choose(i);
        });
        return li;
      }),
    );
    if (!hits.length) {
      const li = document.createElement('li');
      li.className = 'note';
      li.textContent = 'No entity matches.';
      listbox.append(li);
    }
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    active = -1;
  };

  const search = async (text: string) => {
    const ask = ++asked;
    try {
      const data = await request(SearchDocument, { text, first: 10 });
      // An answer to an older text is dropped: typing went on.
      if (ask !== asked || input.value.trim() !== text) return;
      hits = data.search.map((hit) => hit.entity);
      render();
    } catch (error) {
      options.onError(error);
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (!text) {
      hits = [];
      close();
      return;
    }
    timer = setTimeout(() => void search(text), 150);
  });
  input.addEventListener('keydown', (event) => {
    const open = !listbox.hidden && hits.length > 0;
    if (event.key === 'ArrowDown' && open) highlight((active + 1) % hits.length);
    else if (event.key === 'ArrowUp' && open) highlight((active - 1 + hits.length) % hits.length);
    else if (event.key === 'Enter' && open && active >= 0) choose(active);
    else if (event.key === 'Escape' && !listbox.hidden) close();
    else return;
    event.preventDefault();
  });
  input.addEventListener('blur', close);
}
