/** A small client for the gateway's HTTP API, as any client program would use it. */
export interface ApiResponse<T = unknown> {
  status: number;
  contentType: string;
  body: T;
}

export class WritApi {
  token?: string;

  constructor(readonly baseUrl: string) {}

  async call<T = unknown>(
    method: string,
    route: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const response = await fetch(`${this.baseUrl}${route}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      body: parsed as T,
    };
  }

  async login(username: string, password = 'writ-demo-2026'): Promise<void> {
    const response = await this.call<{ token: string }>('POST', '/api/auth/login', { username, password });
    if (response.status !== 200)
      throw new Error(`login as ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
    this.token = response.body.token;
  }
}

/** A valid application for 立案, with parties whose id numbers pass their checks. */
export function caseApplication(respondentIdNumber = '11010519491231002X'): Record<string, unknown> {
  return {
    caseType: '执',
    basis: {
      documentNumber: '（2025）辽1104民初88号',
      issuingCourt: '大洼区人民法院',
      effectiveDate: '2025-06-01',
    },
    applicants: [{ kind: 'ORGANISATION', name: '盘锦某某商贸有限公司', idNumber: '91350100M000100Y43' }],
    respondents: [{ kind: 'NATURAL_PERSON', name: '张三', idNumber: respondentIdNumber }],
    claimAmountFen: 12_345_600,
  };
}
