// One line of plain English per command, for timelines in debriefs and replay info: an order
// in the same words as the orders on their way (a throttle: src/sim/names.ts).
import { grouped, groupVideoWords, hotfixName, megaSourceName, perSecond, regionName, serviceName, throttleOrderWords, type Command } from '../sim/index';

const where = (region?: string) => (region ? ` in ${regionName(region)}` : '');

/** The scenario the command ran in: a crash wave names "Skype for Windows 5.0.0152", not its id; Group Video reads as its note says. */
type Builds = { versions: readonly { id: string; name: string }[]; services?: { mega: { groupVideo: { note?: string } } } };

export function describeCommand(c: Command, scenario?: Builds): string {
  switch (c.type) {
    case 'deployMegaSupernodes':
      return `Deploy ${grouped(c.count)} ${megaSourceName(c.source)} mega-supernodes${where(c.region)}`;
    case 'withdrawMegaSupernodes':
      return `${c.ordersOnly ? 'Cancel' : 'Withdraw'} ${grouped(c.count)}${c.source ? ` ${megaSourceName(c.source)}` : ''} mega-supernodes ${c.ordersOnly ? 'still on order for' : 'from'} ${regionName(c.region)}`;
    case 'throttleLogins':
      return throttleOrderWords(c.perSecond, c.region);
    case 'pushHotfix':
      return `Push the ${hotfixName(c.fix)} at ${c.rolloutPctPerHour}%/h`;
    case 'setOfflineImService':
      return c.enabled ? `Offline-IM service on${c.capacityPct !== undefined ? ` at ${c.capacityPct}% capacity` : ''}` : 'Offline-IM service off';
    case 'setGroupVideo':
      return groupVideoWords(c.enabled, scenario?.services?.mega.groupVideo.note, 'order');
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
