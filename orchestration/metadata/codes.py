"""Every code list, once: its values with Thai and English labels, and the categories the
indicator rules use (which certification statuses count as certified, which levels as a
sufficiency village...). They reach dbt as the seed ``code_lists`` (written by
``welfare generate``), so no SQL names a code by hand, and the portal labels them."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Code:
    value: str
    label_th: str
    label_en: str
    category: str = ""  # a grouping the indicator rules select on


@dataclass(frozen=True)
class CodeList:
    name: str
    title_th: str
    title_en: str
    codes: tuple[Code, ...]

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(c.value for c in self.codes)


def _thai(name: str, title_th: str, title_en: str, *codes: tuple) -> CodeList:
    """A list whose values are the Thai words sources write: (value, English[, category])."""
    return CodeList(name, title_th, title_en, tuple(Code(v, v, en, *rest) for v, en, *rest in codes))


def _published(name: str, title_th: str, title_en: str, *codes: tuple) -> CodeList:
    """A list of codes the warehouse writes: (value, Thai, English[, category])."""
    return CodeList(name, title_th, title_en, tuple(Code(*c) for c in codes))


SEX = _thai("sex", "เพศ", "Sex", ("ชาย", "male"), ("หญิง", "female"))
TARGET_GROUP = _thai(
    "target_group",
    "กลุ่มเป้าหมาย",
    "Target group",
    ("ผู้สูงอายุ", "older people"),
    ("คนพิการ", "people with disabilities"),
    ("เด็กและเยาวชน", "children and youth"),
    ("ผู้มีบัตรสวัสดิการแห่งรัฐ", "state welfare card holders"),
    ("คนไร้ที่พึ่ง", "homeless people"),
    ("สตรีในภาวะยากลำบาก", "women in hardship"),
)
EXIT_REASON = _thai(
    "exit_reason",
    "เหตุที่พ้นจากทะเบียน",
    "Reason for leaving the register",
    ("เสียชีวิต", "died"),
    ("ย้ายออกนอกพื้นที่", "moved away"),
    ("ขาดคุณสมบัติ", "no longer eligible"),
    ("ขอยกเลิก", "at their request"),
)
ORG_TYPE = _thai(
    "org_type",
    "ประเภทองค์กร",
    "Organisation type",
    ("มูลนิธิ", "foundation", "public_benefit"),
    ("สมาคม", "association", "public_benefit"),
    ("องค์กรภาคเอกชน", "private organisation", "public_benefit"),
    ("องค์กรสวัสดิการชุมชน", "community welfare organisation", "community_welfare"),
    ("ส่วนราชการ", "government agency", "state"),
    ("องค์กรปกครองส่วนท้องถิ่น", "local administrative organisation", "state"),
)
CERTIFICATION_STATUS = _thai(
    "certification_status",
    "สถานะการรับรอง",
    "Certification status",
    ("รับเรื่อง", "application received", "pending"),
    ("อนุกรรมการรับรอง", "approved by the subcommittee", "certified"),
    ("ส่งใบสำคัญ", "certificate sent", "certified"),
    ("ประกาศราชกิจจานุเบกษา", "published in the Royal Gazette", "certified"),
    ("ไม่รับรอง", "not certified", "refused"),
)
LAO_TYPE = _thai(
    "lao_type",
    "ประเภท อปท.",
    "Type of local administrative organisation",
    ("อบจ.", "provincial administrative organisation", "province_wide"),
    ("เทศบาลนคร", "city municipality"),
    ("เทศบาลเมือง", "town municipality"),
    ("เทศบาลตำบล", "subdistrict municipality"),
    ("อบต.", "subdistrict administrative organisation"),
)
VOLUNTEER_STATUS = _thai(
    "volunteer_status", "สถานะ อพม.", "Volunteer status", ("ปฏิบัติงาน", "active", "active"), ("พ้นสภาพ", "left", "left")
)
SECTOR = _thai(
    "sector",
    "ภาคส่วน",
    "Sector",
    ("ภาครัฐ", "state"),
    ("ภาคเอกชน", "private"),
    ("ภาควิชาการ", "academic"),
    ("ภาคประชาสังคม", "civil society"),
    ("ภาคชุมชน", "community"),
    ("ภาคศาสนา", "religious"),
    ("ภาคสื่อมวลชน", "media"),
)
PASS_FAIL = _thai("pass_fail", "ผลการประเมิน", "Result", ("ผ่าน", "passed", "passed"), ("ไม่ผ่าน", "failed", "failed"))
FUNDING_SOURCE = _thai(
    "funding_source",
    "แหล่งงบประมาณ",
    "Funding source",
    ("งบประมาณแผ่นดิน", "state budget"),
    ("งบประมาณ อปท.", "local government budget"),
    ("กองทุนส่งเสริมการจัดสวัสดิการสังคม", "social welfare promotion fund"),
    ("ภาคเอกชน", "private sector"),
    ("เงินบริจาค", "donations"),
)
YES_NO = _thai("yes_no", "ใช่/ไม่ใช่", "Yes or no", ("ใช่", "yes", "yes"), ("ไม่ใช่", "no", "no"))
APPLICATION_STATUS = _thai(
    "application_status",
    "สถานะคำขอ",
    "Application status",
    ("ยื่นคำขอ", "submitted"),
    ("อนุมัติ", "approved"),
    ("ไม่อนุมัติ", "not approved"),
)
SUFFICIENCY_LEVEL = _thai(
    "sufficiency_level",
    "ระดับหมู่บ้านเศรษฐกิจพอเพียง",
    "Sufficiency-economy village level",
    ("พออยู่พอกิน", "enough to live on", "sufficient"),
    ("อยู่ดีกินดี", "living well", "sufficient"),
    ("มั่งมีศรีสุข", "prosperous", "sufficient"),
    ("ยังไม่ผ่านเกณฑ์", "not yet at the criteria", "not_yet"),
)
MEDIA_FIELD = _thai(
    "media_field",
    "ด้านของผลงาน",
    "Field of the piece",
    ("เด็กและเยาวชน", "children and youth"),
    ("สตรีและครอบครัว", "women and families"),
    ("ผู้สูงอายุ", "older people"),
    ("คนพิการ", "people with disabilities"),
    ("ชุมชนและสังคม", "community and society"),
)
MEDIA_DECISION = _thai(
    "media_decision",
    "ผลการพิจารณา",
    "Committee's decision",
    ("ผ่านการพิจารณา", "approved", "approved"),
    ("ไม่ผ่านการพิจารณา", "not approved", "rejected"),
)
UPGRADE_STATUS = _thai(
    "upgrade_status",
    "สถานะการยกระดับ",
    "Upgrade status",
    ("ยังไม่ยกระดับ", "not upgraded"),
    ("อยู่ระหว่างยกระดับ", "being upgraded"),
    ("ยกระดับแล้ว", "upgraded", "upgraded"),
)
PROBLEM = _thai(
    "problem",
    "ประเภทปัญหา",
    "Problem",
    ("ยากจน", "poverty"),
    ("ไร้ที่พึ่ง", "homelessness"),
    ("ประสบภัยพิบัติ", "disaster"),
    ("เจ็บป่วย", "illness"),
    ("ถูกทอดทิ้ง", "abandonment"),
    ("ความรุนแรงในครอบครัว", "domestic violence"),
)
ASSISTANCE = _thai(
    "assistance",
    "ความช่วยเหลือ",
    "Assistance",
    ("เงินสงเคราะห์", "cash grant"),
    ("สิ่งของ", "goods"),
    ("ส่งต่อหน่วยบริการ", "referral to a service"),
    ("ที่พักชั่วคราว", "temporary shelter"),
    ("ฝึกอาชีพ", "vocational training"),
)

# Codes the warehouse itself writes.
AREA_LEVEL = _published(
    "area_level",
    "ระดับพื้นที่",
    "Area level",
    ("subdistrict", "ตำบล", "subdistrict"),
    ("district", "อำเภอ", "district"),
    ("province", "จังหวัด", "province"),
    ("country", "ประเทศ", "country"),
)
PROGRESS_STATUS = _published(
    "progress_status",
    "สถานะความก้าวหน้า",
    "Progress status",
    ("achieved", "บรรลุเป้าหมาย", "target achieved"),
    ("on_track", "เป็นไปตามแผน", "on track"),
    ("off_track", "ต่ำกว่าแผน", "off track"),
    ("acceleration_needed", "มีความก้าวหน้าแต่ต้องเร่งรัด", "progress made but acceleration needed"),
    ("limited_progress", "ก้าวหน้าน้อย", "limited progress"),
    ("deterioration", "ถดถอย", "deterioration"),
    ("not_achieved", "ไม่บรรลุเป้าหมาย", "target not achieved"),
    ("no_target", "ไม่มีค่าเป้าหมาย", "no target set"),
    ("no_data", "ไม่มีข้อมูล", "no data"),
)
PROGRESS_METHOD = _published(
    "progress_method",
    "วิธีประเมินความก้าวหน้า",
    "Progress method",
    ("linear", "เทียบกับเส้นตรงจากค่าฐานถึงค่าเป้าหมาย", "against the straight line from baseline to target"),
    ("cagr", "อัตราการเติบโตเฉลี่ยต่อปีเทียบกับที่ต้องการ (Open SDG)", "annual growth against the growth needed (Open SDG)"),
)
TARGET_SOURCE = _published(
    "target_source",
    "ที่มาของค่าเป้าหมาย",
    "Where the target comes from",
    ("plan", "กำหนดไว้ในแผน", "set in the plan"),
    ("cascaded", "แบ่งจากเป้าหมายจังหวัด", "cascaded from the province's target"),
)
NULL_REASON = _published(
    "null_reason",
    "เหตุที่ไม่มีค่า",
    "Why there is no value",
    ("suppressed", "ปกปิดเพื่อคุ้มครองข้อมูลส่วนบุคคล", "hidden to protect people"),
    ("population_incomplete", "ข้อมูลประชากรไม่ครบ", "population figures incomplete"),
    ("no_population", "ไม่มีข้อมูลประชากร", "no population figures"),
    ("no_base_amount", "ไม่มีการใช้จ่ายในปีก่อน", "nothing spent the year before"),
)
DIRECTION = _published(
    "direction",
    "ทิศทางที่ต้องการ",
    "Desired direction",
    ("increase", "เพิ่มขึ้น", "increase"),
    ("decrease", "ลดลง", "decrease"),
)
AGGREGATION = _published(
    "aggregation",
    "การรวมค่าจากพื้นที่ย่อย",
    "How areas add up",
    ("sum", "รวมจากพื้นที่ย่อย", "the sum of its sub-areas"),
    ("distinct", "นับไม่ซ้ำ ไม่เกินผลรวมของพื้นที่ย่อย", "counted once: at most the sum of its sub-areas"),
    ("none", "ไม่รวมจากพื้นที่ย่อย", "not a sum of its sub-areas"),
)
ON_NEW_FILE = _published(
    "on_new_file",
    "การนำเข้าไฟล์ใหม่",
    "What a new file does",
    ("append", "ต่อท้าย", "adds its rows"),
    ("replace", "แทนที่", "replaces earlier files"),
)
LOAD_STATUS = _published(
    "load_status",
    "สถานะการนำเข้า",
    "Load status",
    ("loaded", "นำเข้าแล้ว", "loaded"),
    ("failed", "ไม่รับไฟล์", "refused as a whole"),
    ("duplicate", "ซ้ำกับไฟล์อื่น", "same content as another file, not loaded twice"),
)
SUPPRESSION = _published(
    "suppression",
    "ประเภทการปกปิด",
    "Kind of suppression",
    ("primary", "ปกปิดเพราะค่าน้อย", "a small count"),
    ("secondary", "ปกปิดประกอบ", "hidden with a small count"),
)
SEVERITY = _published(
    "severity",
    "ความรุนแรง",
    "Severity of a check",
    ("blocking", "หยุดการเผยแพร่", "stops publication"),
    ("warning", "เตือน", "reported, published anyway"),
)
FIELD_TYPE = _published(
    "field_type",
    "ชนิดข้อมูล",
    "Data type",
    ("text", "ข้อความ", "text"),
    ("integer", "จำนวนเต็ม", "whole number"),
    ("decimal", "ทศนิยม", "decimal"),
    ("date", "วันที่", "date"),
    ("citizen_id", "เลขประจำตัวประชาชน", "citizen ID"),
    ("subdistrict", "ตำบล (รหัสหรือที่อยู่)", "subdistrict (code or address)"),
    ("fiscal_year", "ปีงบประมาณ", "fiscal year"),
)

CODE_LISTS: dict[str, CodeList] = {
    c.name: c
    for c in (
        SEX,
        TARGET_GROUP,
        EXIT_REASON,
        ORG_TYPE,
        CERTIFICATION_STATUS,
        LAO_TYPE,
        VOLUNTEER_STATUS,
        SECTOR,
        PASS_FAIL,
        FUNDING_SOURCE,
        YES_NO,
        APPLICATION_STATUS,
        SUFFICIENCY_LEVEL,
        MEDIA_FIELD,
        MEDIA_DECISION,
        UPGRADE_STATUS,
        PROBLEM,
        ASSISTANCE,
        AREA_LEVEL,
        PROGRESS_STATUS,
        PROGRESS_METHOD,
        TARGET_SOURCE,
        NULL_REASON,
        DIRECTION,
        AGGREGATION,
        ON_NEW_FILE,
        LOAD_STATUS,
        SUPPRESSION,
        SEVERITY,
        FIELD_TYPE,
    )
}
