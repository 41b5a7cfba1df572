/**
 * Languages: Vietnamese by default, English on request; the choice is remembered in this
 * browser. Each capability keeps its own strings beside its pages (`pages/<capability>/i18n.ts`)
 * and registers them with `defineMessages` when its chunk loads, so a page's words travel with
 * its code. Shared words (buttons, roles, errors) live in `./common.ts`.
 */
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { common } from './common';

export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];
const STORAGE_KEY = 'lamtheo.lang';

function storedLang(): Lang | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === 'vi' || value === 'en' ? value : null;
  } catch {
    return null;
  }
}

/** True once the person chose a language here (then their account's default no longer applies). */
export function hasChosenLang(): boolean {
  return storedLang() !== null;
}

const initial: Lang = storedLang() ?? 'vi';

void i18n.use(initReactI18next).init({
  lng: initial,
  fallbackLng: 'vi',
  supportedLngs: LANGS as Lang[],
  defaultNS: 'common',
  ns: ['common'],
  resources: { vi: { common: common.vi }, en: { common: common.en } },
  interpolation: { escapeValue: false },
  returnNull: false,
});
applyLang(initial);

function applyLang(lang: Lang) {
  dayjs.locale(lang === 'vi' ? 'vi' : 'en');
  document.documentElement.lang = lang;
}

export function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'vi';
}

/** Switch language; `remember` stores it for the next visit (an explicit choice by the person). */
export async function setLang(lang: Lang, remember = true): Promise<void> {
  if (remember) {
    try {
      window.localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // Private browsing may refuse storage; the switch still applies to this visit.
    }
  }
  applyLang(lang);
  await i18n.changeLanguage(lang);
}

/**
 * Register a capability's strings under a namespace. Both languages must carry the same keys
 * (the `en` type is checked against `vi`), so a missing translation is a compile error.
 */
export function defineMessages<T extends Record<string, unknown>>(ns: string, messages: { vi: T; en: NoInfer<DeepStrings<T>> }): string {
  if (!i18n.hasResourceBundle('vi', ns)) {
    i18n.addResourceBundle('vi', ns, messages.vi);
    i18n.addResourceBundle('en', ns, messages.en);
  }
  return ns;
}

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

export { i18n };
