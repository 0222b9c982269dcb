import { FlowNode } from './enums.js';

/**
 * Node deadlines the law itself fixes, in days: a court may set them shorter (some provinces require
 * faster payouts), never longer. The service enforces them; the settings page shows them.
 */
export const LEGAL_MAXIMUM_NODE_DAYS: Readonly<Partial<Record<FlowNode, number>>> = {
  // 执行工作规定 2020 Art 16
  [FlowNode.Intake]: 7,
  // 民诉解释 Art 480
  [FlowNode.ServiceOfDocuments]: 10,
  // 民诉法 2023 Art 236
  [FlowNode.Adjudication]: 15,
  // 执行款物管理规定 2017
  [FlowNode.Funds]: 30,
  // the entrusted court files within 7 days (DOMAIN.md §10)
  [FlowNode.Entrusted]: 7,
};
