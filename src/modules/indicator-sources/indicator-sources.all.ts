/**
 * Every capability's record sources, registered in one place (like the routes), so a form can
 * name any of them. Services look sources up through this file, which guarantees the catalog
 * is installed wherever a source is needed (server, CLI, demo, tests).
 */
import { orgIndicatorSources } from '../orgs/orgs.indicator-sources';
import { planIndicatorSources } from '../plans/plans.indicator-sources';
import { registrationIndicatorSources } from '../registrations/registrations.indicator-sources';
import { findIndicatorSource, listIndicatorSources, registerIndicatorSource, type IndicatorSource } from './indicator-sources.registry';

for (const source of [...orgIndicatorSources, ...planIndicatorSources, ...registrationIndicatorSources]) registerIndicatorSource(source);

export function indicatorSource(key: string): IndicatorSource | undefined {
  return findIndicatorSource(key);
}

export function allIndicatorSources(): IndicatorSource[] {
  return listIndicatorSources();
}
