/** Contact channels: the words of format v1 and the synonyms people write (in English and Dutch). */
import { CHANNELS } from './types';

const CHANNEL_SYNONYMS: Record<string, string> = {
  mail: 'email', 'e-mail': 'email', call: 'phone', telephone: 'phone', tel: 'phone', sms: 'chat',
  text: 'chat', whatsapp: 'chat', signal: 'chat', slack: 'chat', teams: 'video', zoom: 'video',
  'in person': 'in-person', inperson: 'in-person', meeting: 'in-person', coffee: 'in-person', lunch: 'in-person',
  post: 'letter', card: 'letter', bellen: 'phone', telefoon: 'phone', brief: 'letter',
};

const CHANNEL_OF = new Map<string, string>([...CHANNELS.map((c): [string, string] => [c, c]), ...Object.entries(CHANNEL_SYNONYMS)]);

/** A channel word as one of CHANNELS, or null when it is not one. */
export function normaliseChannel(word: string): string | null {
  return CHANNEL_OF.get(word) ?? CHANNEL_OF.get(word.trim().toLowerCase()) ?? null;
}
