import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGS, setLang, type Lang } from '../i18n';

/** VI | EN; the choice is remembered in this browser. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Segmented<Lang>
      size="small"
      aria-label={t('language.label')}
      value={i18n.language === 'en' ? 'en' : 'vi'}
      onChange={(lang) => void setLang(lang)}
      options={LANGS.map((lang) => ({ value: lang, label: <span title={t(`language.${lang}`)} lang={lang}>{t(`language.short.${lang}`)}</span> }))}
    />
  );
}
