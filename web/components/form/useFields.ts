import { useCallback, useState } from 'react';

export type Values = Record<string, string | boolean>;
type KeysOf<V, T> = { [K in keyof V]: V[K] extends T ? K : never }[keyof V] & string;

export interface Fields<V extends Values> {
  values: V;
  set<K extends keyof V>(key: K, value: V[K]): void;
  setValues(values: V): void;
  /** Empties the text fields (a filter's "clear"); gives the values it set. */
  clear(): V;
  /** Props for a text, select or date field: its name, value and change handler. */
  field<K extends KeysOf<V, string>>(key: K): { name: K; value: string; onChange(value: string): void };
  /** Props for a checkbox. */
  checkbox<K extends KeysOf<V, boolean>>(
    key: K,
  ): { name: K; checked: boolean; onChange(value: boolean): void };
}

/** The values of a form's fields, one state for all, with the props each field takes. */
export function useFields<V extends Values>(initial: V | (() => V)): Fields<V> {
  const [values, setValues] = useState<V>(initial);
  const set = useCallback(
    <K extends keyof V>(key: K, value: V[K]) => setValues((old) => ({ ...old, [key]: value })),
    [],
  );
  return {
    values,
    set,
    setValues,
    clear: () => {
      const next: Values = { ...values };
      for (const [k, v] of Object.entries(values)) if (typeof v === 'string') next[k] = '';
      setValues(next as V);
      return next as V;
    },
    field: (key) => ({
      name: key,
      value: values[key] as string,
      onChange: (v: string) => set(key, v as V[typeof key]),
    }),
    checkbox: (key) => ({
      name: key,
      checked: values[key] as boolean,
      onChange: (v: boolean) => set(key, v as V[typeof key]),
    }),
  };
}
