// One line of plain English per command, for timelines in debriefs and replay info.
import { grouped, hotfixName, megaSourceName, perSecond, regionName, serviceName, type Command } from '../sim/index';

const where = (region?: string) => (region ? ` in ${regionName(region)}` : '');

/** The client builds of the scenario the command ran in, so a crash wave names "Skype for Windows 5.0.0152", not its id. */
type Builds = { versions: readonly { id: string; name: string }[] };

export function describeCommand(c: Command, scenario?: Builds): string {
  switch (c.type) {
    case 'deployMegaSupernodes':
      return `Deploy ${grouped(c.count)} ${megaSourceName(c.source)} mega-supernodes${where(c.region)}`;
    case 'withdrawMegaSupernodes':
      return `${c.ordersOnly ? 'Cancel' : 'Withdraw'} ${grouped(c.count)}${c.source ? ` ${megaSourceName(c.source)}` : ''} mega-supernodes${c.ordersOnly ? ' still on order' : ''}${where(c.region)}`;
    case 'throttleLogins':
      return c.perSecond === null ? `Lift the login throttle${where(c.region)}` : `Throttle logins to ${perSecond(c.perSecond)}${c.region ? where(c.region) : ' worldwide'}`;
    case 'pushHotfix':
      return `Push the ${hotfixName(c.fix)} at ${c.rolloutPctPerHour}%/h`;
    case 'setOfflineImService':
      return c.enabled ? `Offline-IM service on${c.capacityPct !== undefined ? ` at ${c.capacityPct}%` : ''}` : 'Offline-IM service off';
    case 'setGroupVideo':
      return c.enabled ? 'Group Video Calling back on' : 'Group Video Calling off';
    case 'cancelOrder':
      return `Cancel before it lands: ${describeCommand(c.order, scenario)}`;
    case 'crashWave':
      return `Crash wave: ${Math.round(c.fraction * 100)}% of ${scenario?.versions.find((v) => v.id === c.version)?.name ?? c.version} clients${where(c.region)}`;
    case 'rebootStorm':
      return `Reboot storm: ${Math.round(c.fraction * 100)}% of Windows clients over ${c.overMinutes ?? 60} min${where(c.region)}`;
    case 'serviceOutage':
      return `Outage: ${serviceName(c.service)} down ${Math.round(c.fraction * 100)}%${c.durationMin ? ` for ${c.durationMin} min` : ''}`;
    case 'loginFlood':
      return `Login flood: ${perSecond(c.perSecond)} for ${c.durationMin} min${where(c.region)}`;
    case 'supernodeCrash':
      return `Supernode crash: ${Math.round(c.fraction * 100)}%${where(c.region)}`;
    default: {
      const never: never = c;
      return JSON.stringify(never);
    }
  }
}
