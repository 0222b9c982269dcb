import { Button } from 'antd';
import { useLanguage, useT } from '../i18n';

export function LanguageToggle({ ghost = false }: { ghost?: boolean }) {
  const t = useT();
  const [language, setLanguage] = useLanguage();
  return (
    <Button
      data-testid="language-toggle"
      size="small"
      ghost={ghost}
      onClick={() => {
        setLanguage(language === 'zh' ? 'en' : 'zh');
      }}
    >
      {t('app.language')}
    </Button>
  );
}
