import {
  AgencyKind,
  AssetClass,
  AssetValueKind,
  isValidResidentIdNumber,
  isValidUnifiedSocialCreditCode,
  type AgencyFinding,
  type Fen,
} from '@writ/contracts';
import { DigestStream } from './digest-stream.js';

/**
 * What each outside agency "holds" about a person or organisation, made up but reproducible: the
 * SHA-256 of `${kind}:${idNumber}` decides whether anything is found, how many items, and every
 * detail. The sandbox answers from this, and tests predict its answers with the same function.
 * Records are made by the asset class the court's catalog gives the kind, so any kind — a national
 * one or a province's own source added later — is answered; the national kinds the sandbox knows
 * keep the look of their real agency's records (a bank account, an 支付宝 balance, a plate).
 */

const BANKS = [
  { name: '中国工商银行盘锦分行', bin: '622202' },
  { name: '中国建设银行盘锦分行', bin: '621700' },
  { name: '中国农业银行盘锦分行', bin: '622848' },
  { name: '中国银行盘锦分行', bin: '621661' },
  { name: '交通银行盘锦分行', bin: '622262' },
  { name: '盘锦银行大洼支行', bin: '623166' },
  { name: '辽宁大洼农村商业银行', bin: '621449' },
  { name: '招商银行沈阳分行', bin: '621485' },
] as const;

const WEALTH_PRODUCTS = ['稳利', '天天盈', '安心增益', '月月享', '季季红'] as const;
const BROKERS = [
  '华泰证券盘锦营业部',
  '中信证券沈阳营业部',
  '国泰君安盘锦营业部',
  '招商证券沈阳营业部',
] as const;
const COMMUNITIES = ['金海湾花园', '石油新村', '辽河明珠小区', '田家街道荣兴家园', '大洼新城美墅'] as const;
const VEHICLE_MODELS = [
  '一汽-大众 速腾 小型轿车',
  '上汽大众 朗逸 小型轿车',
  '比亚迪 秦PLUS 小型轿车',
  '长城 哈弗H6 小型越野客车',
  '丰田 卡罗拉 小型轿车',
  '解放 J6P 重型半挂牵引车',
] as const;
const COMPANY_WORDS = ['辽河', '红海滩', '鼎盛', '华锦', '宏达', '兴隆', '盛世', '金穗'] as const;
const COMPANY_TRADES = ['商贸', '建筑工程', '石油机械', '水产养殖', '物流', '农业科技'] as const;

/** 车牌: letters without I and O, and digits. */
const PLATE_CHARACTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
/** GB 32100-2015 character set. */
const USCC_CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

type Draw = (s: DigestStream, forPerson: boolean) => AgencyFinding;

interface AgencyProfile {
  /** the chance that the agency holds anything on file for the subject */
  foundChance: number;
  maxItems: number;
  /** exit-entry and marriage records exist only for natural persons */
  personsOnly: boolean;
  draw: Draw;
}

function yuan(amount: number): Fen {
  return amount * 100;
}

/** A balance spread over several orders of magnitude, to the fen. */
function balanceFen(s: DigestStream): Fen {
  const scale = s.pick([1, 1, 10, 10, 100, 1000] as const);
  return yuan(s.between(0, 999) * scale) + s.between(0, 99);
}

function date(s: DigestStream, fromYear: number, toYear: number): string {
  const month = String(s.between(1, 12)).padStart(2, '0');
  const day = String(s.between(1, 28)).padStart(2, '0');
  return `${s.between(fromYear, toYear)}-${month}-${day}`;
}

/** A valid 统一社会信用代码 of a Dawa-district company: the check character is whichever one passes. */
function creditCode(s: DigestStream): string {
  const body = `91211104${s.characters(USCC_CHARACTERS, 9)}`;
  const check = [...USCC_CHARACTERS].find((c) => isValidUnifiedSocialCreditCode(body + c));
  return body + (check ?? '0');
}

const VESSEL_TYPES = ['钢质渔船', '钢质货船', '玻璃钢游艇', '木质渔船'] as const;
const EMPLOYERS = ['盘锦', '大洼', '辽河', '红海滩'] as const;

const KIND_PROFILES: Partial<Record<AgencyKind, AgencyProfile>> = {
  [AgencyKind.BankDeposit]: {
    foundChance: 0.75,
    maxItems: 3,
    personsOnly: false,
    draw: (s, forPerson) => {
      const bank = s.pick(BANKS);
      return {
        holder: bank.name,
        identifier: bank.bin + s.digits(13),
        description: forPerson
          ? s.pick(['活期储蓄账户', '定期储蓄账户', '借记卡账户'])
          : s.pick(['基本存款账户', '一般存款账户']),
        valueKind: AssetValueKind.Balance,
        amountFen: balanceFen(s),
      };
    },
  },
  [AgencyKind.WealthProduct]: {
    foundChance: 0.3,
    maxItems: 2,
    personsOnly: false,
    draw: (s) => {
      const bank = s.pick(BANKS);
      return {
        holder: bank.name,
        identifier: `LC${s.digits(12)}`,
        description: `${s.pick(WEALTH_PRODUCTS)}${s.between(1, 12)}号 个人理财产品`,
        valueKind: AssetValueKind.Balance,
        amountFen: yuan(s.between(10, 500) * 1000),
      };
    },
  },
  [AgencyKind.OnlinePayment]: {
    foundChance: 0.8,
    maxItems: 2,
    personsOnly: false,
    draw: (s) =>
      s.chance(0.5)
        ? {
            holder: '支付宝（中国）网络技术有限公司',
            identifier: `2088${s.digits(12)}`,
            description: '支付宝账户余额',
            valueKind: AssetValueKind.Balance,
            amountFen: balanceFen(s),
          }
        : {
            holder: '财付通支付科技有限公司（微信支付）',
            identifier: `wxid_${s.characters('abcdefghijkmnpqrstuvwxyz23456789', 14)}`,
            description: '微信支付零钱',
            valueKind: AssetValueKind.Balance,
            amountFen: balanceFen(s),
          },
  },
  [AgencyKind.Securities]: {
    foundChance: 0.25,
    maxItems: 1,
    personsOnly: false,
    draw: (s) => ({
      holder: '中国证券登记结算有限责任公司',
      identifier: `${s.pick(['A', '0'])}${s.digits(9)}`,
      description: `证券账户，托管于${s.pick(BROKERS)}，持仓市值`,
      valueKind: AssetValueKind.Estimate,
      amountFen: yuan(s.between(1, 800) * 100),
    }),
  },
  [AgencyKind.RealEstate]: {
    foundChance: 0.45,
    maxItems: 2,
    personsOnly: false,
    draw: (s) => {
      const area = s.between(45, 180);
      return {
        holder: '盘锦市不动产登记中心',
        identifier: `辽（${s.between(2016, 2025)}）盘锦市不动产权第${s.digits(7)}号`,
        description: `大洼区${s.pick(COMMUNITIES)}${s.between(1, 30)}号楼${s.between(1, 6)}单元${s.between(1, 18)}0${s.between(1, 4)}室，住宅，建筑面积${area}㎡`,
        valueKind: AssetValueKind.Estimate,
        // about ¥5,000–9,000 per square metre, to the thousand yuan
        amountFen: yuan(area * s.between(5, 9) * 1000),
      };
    },
  },
  [AgencyKind.Vehicle]: {
    foundChance: 0.5,
    maxItems: 2,
    personsOnly: false,
    draw: (s) => ({
      holder: '盘锦市公安局交通警察支队车辆管理所',
      identifier: `辽L${s.characters(PLATE_CHARACTERS.slice(0, 24), 1)}${s.characters(PLATE_CHARACTERS, 4)}`,
      description: `${s.pick(VEHICLE_MODELS)}，${s.between(2012, 2025)}年初次登记`,
      valueKind: AssetValueKind.Estimate,
      amountFen: yuan(s.between(20, 300) * 1000),
    }),
  },
  [AgencyKind.BusinessRegistration]: {
    foundChance: 0.3,
    maxItems: 2,
    personsOnly: false,
    draw: (s) => {
      const share = s.between(5, 100);
      const capital = s.pick([50, 100, 200, 500, 1000] as const);
      return {
        holder: '盘锦市市场监督管理局',
        identifier: creditCode(s),
        description: `盘锦${s.pick(COMPANY_WORDS)}${s.pick(COMPANY_TRADES)}有限公司 股权${share}%（注册资本${capital}万元）`,
        valueKind: AssetValueKind.Estimate,
        amountFen: yuan((capital * 10_000 * share) / 100),
      };
    },
  },
  [AgencyKind.ExitEntry]: {
    foundChance: 0.35,
    maxItems: 1,
    personsOnly: true,
    draw: (s) => ({
      holder: '国家移民管理局（盘锦市公安局出入境管理支队）',
      identifier: `E${s.digits(8)}`,
      description: `普通护照，${date(s, 2016, 2025)}签发，有效期十年`,
      valueKind: AssetValueKind.None,
      amountFen: 0,
    }),
  },
  [AgencyKind.Marriage]: {
    foundChance: 0.6,
    maxItems: 1,
    personsOnly: true,
    draw: (s) => {
      const registered = date(s, 1995, 2025);
      return {
        holder: '盘锦市大洼区民政局婚姻登记处',
        identifier: `J211104-${registered.slice(0, 4)}-${s.digits(6)}`,
        description: `${s.chance(0.8) ? '结婚登记' : '离婚登记'}，${registered}`,
        valueKind: AssetValueKind.None,
        amountFen: 0,
      };
    },
  },
  [AgencyKind.Vessel]: {
    foundChance: 0.1,
    maxItems: 1,
    personsOnly: false,
    draw: (s) => ({
      holder: '中华人民共和国营口海事局',
      identifier: `CN${s.digits(11)}`,
      description: `${s.pick(VESSEL_TYPES)}，总吨位${s.between(20, 800)}，船籍港盘锦`,
      valueKind: AssetValueKind.Estimate,
      amountFen: yuan(s.between(50, 2000) * 1000),
    }),
  },
  [AgencyKind.HousingFund]: {
    foundChance: 0.55,
    maxItems: 1,
    personsOnly: true,
    draw: (s) => ({
      holder: '盘锦市住房公积金管理中心',
      identifier: `GJJ${s.digits(12)}`,
      description: '住房公积金个人账户余额',
      valueKind: AssetValueKind.Balance,
      amountFen: yuan(s.between(0, 200) * 100) + s.between(0, 99),
    }),
  },
  [AgencyKind.Tax]: {
    foundChance: 0.5,
    maxItems: 1,
    personsOnly: false,
    draw: (s, forPerson) => ({
      holder: '国家税务总局盘锦市大洼区税务局',
      identifier: `SW${s.digits(10)}`,
      description: forPerson
        ? `个人所得税：上年度综合所得${s.between(3, 40)}万元，扣缴单位${s.pick(EMPLOYERS)}某公司`
        : `纳税人状态正常，上年度纳税${s.between(1, 500)}万元`,
      valueKind: AssetValueKind.None,
      amountFen: 0,
    }),
  },
  [AgencyKind.SocialInsurance]: {
    foundChance: 0.7,
    maxItems: 1,
    personsOnly: true,
    draw: (s) => ({
      holder: '盘锦市社会保险事业服务中心',
      identifier: `SB${s.digits(10)}`,
      description: `参保单位：${s.pick(EMPLOYERS)}${s.pick(COMPANY_TRADES)}有限公司，月缴费基数${s.between(30, 150)}00元`,
      valueKind: AssetValueKind.None,
      amountFen: 0,
    }),
  },
};

/** Records of a kind the sandbox has no look for (a province's own source): by the kind's asset class. */
const CLASS_PROFILES: Record<AssetClass, AgencyProfile> = {
  [AssetClass.Deposit]: {
    foundChance: 0.5,
    maxItems: 2,
    personsOnly: false,
    draw: (s) => ({
      holder: '省内资金账户登记机构',
      identifier: `ZJ${s.digits(14)}`,
      description: '资金账户余额',
      valueKind: AssetValueKind.Balance,
      amountFen: balanceFen(s),
    }),
  },
  [AssetClass.FinancialRight]: {
    foundChance: 0.3,
    maxItems: 1,
    personsOnly: false,
    draw: (s) => ({
      holder: '省内权利登记机构',
      identifier: `QL${s.digits(12)}`,
      description: '登记的财产性权利',
      valueKind: AssetValueKind.Estimate,
      amountFen: yuan(s.between(1, 500) * 1000),
    }),
  },
  [AssetClass.RealEstate]: {
    foundChance: 0.3,
    maxItems: 1,
    personsOnly: false,
    draw: (s) => ({
      holder: '省内不动产登记机构',
      identifier: `BDC${s.digits(12)}`,
      description: `大洼区${s.pick(COMMUNITIES)}附属用房`,
      valueKind: AssetValueKind.Estimate,
      amountFen: yuan(s.between(50, 800) * 1000),
    }),
  },
  [AssetClass.Movable]: {
    foundChance: 0.3,
    maxItems: 1,
    personsOnly: false,
    draw: (s) => ({
      holder: '省内动产登记机构',
      identifier: `DC${s.digits(12)}`,
      description: '登记的机器设备',
      valueKind: AssetValueKind.Estimate,
      amountFen: yuan(s.between(5, 300) * 1000),
    }),
  },
  [AssetClass.Information]: {
    foundChance: 0.4,
    maxItems: 1,
    personsOnly: false,
    draw: (s) => ({
      holder: '省内信息登记机构',
      identifier: `XX${s.digits(10)}`,
      description: `登记信息，${date(s, 2016, 2025)}更新`,
      valueKind: AssetValueKind.None,
      amountFen: 0,
    }),
  },
};

/**
 * What the agency of `kind` (whose records the catalog classes as `assetClass`) reports about the
 * holder of `idNumber`. Pure and deterministic: the same kind and id number give the same records,
 * item for item, every time.
 */
export function expectedFindings(
  kind: AgencyKind,
  assetClass: AssetClass,
  idNumber: string,
): AgencyFinding[] {
  const profile = KIND_PROFILES[kind] ?? CLASS_PROFILES[assetClass];
  const forPerson = isValidResidentIdNumber(idNumber);
  if (profile.personsOnly && !forPerson) return [];
  const stream = new DigestStream(`${kind}:${idNumber}`);
  if (!stream.chance(profile.foundChance)) return [];
  const count = stream.between(1, profile.maxItems);
  return Array.from({ length: count }, () => profile.draw(stream, forPerson));
}
