/** `<service>.health.ping` v1 — any caller asks a service whether it answers over the bus. */
export interface PingReply {
  service: string;
  version: string;
  at: string;
}
