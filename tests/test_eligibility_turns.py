"""Eligibility over several turns, end to end on the real index: who the applicant is when the
question names another body than the speaker, corrections of a figure, and a body the
applicant named itself in an earlier turn. Each row: the turns, then the decision expected
after the last one (program, applicant type, outcome: True 符合, False 不符合, None 待补充)."""

from __future__ import annotations

import pytest

from assistant.config import Settings
from assistant.ingest.knowledge_base import KnowledgeBase
from assistant.pipeline import Assistant, Conversation


@pytest.fixture(scope="module")
def assistant(built_settings: Settings, kb: KnowledgeBase) -> Assistant:
    return Assistant(built_settings, kb)


CASES = [
    # (session 63) a follow-up on a condition (「市里如果不是申报主体的话」) then the body asked,
    # inside the city: the park is checked, not the city again
    (
        [
            "我们市想报专利转化专项的产业知识产权运营中心方向。",
            "市里如果不是申报主体的话，那我们市里的国家级高新区呢？高新区是重点产业链所在地区，链主企业落户，产业链企业七十多家。",
        ],
        ("2022-patent-transfer", "park", None),
    ),
    # a word of now telling a project's state (「现在还在实施」) asks no current round: the facts
    # told are the 2022 round's own
    (
        [
            "国家强县工程示范县，20年度真抓实干评上了，不过我们市里21年承担了保护示范区创建项目，现在还在实施。县里能报吗？"
        ],
        ("2022-protection-zone", "county", False),
    ),
    # a wish to apply and the facts, nothing asked: checked
    (
        [
            "我们园区是国家级高新区，想报产业知识产权运营中心发展，产业链相关企业八十多家，有链主企业，有知识产权局和预算。"
            "不过园区没有被省、市确定为哪条重点产业链的所在地区。"
        ],
        ("2022-patent-transfer", "park", False),
    ),
    # a 高职院校 is a college
    (
        ["我们是无锡的一所高职院校，想牵头报22年高价值专利培育新建项目，可以吗？"],
        ("2022-high-value-patent-new", "research", None),
    ),
    # what else must be met, asked with a title told: a check
    (
        ["我们区是国家知识产权强县工程示范区，想报22年度保护示范区创建，还需要满足什么？"],
        ("2022-protection-zone", "county", None),
    ),
    # 「还能争取吗」 asks to apply
    (
        [
            "市里22年度评上了真抓实干成效明显地区，国家级保护中心也有，就是2023年度撤回率比全省平均低一点。24年保护示范区还能争取吗？"
        ],
        ("2024-protection-zone", "city", False),
    ),
    # the group applying: its parent's own figures, the subsidiaries' apart
    (
        [
            "我们集团想报高价值新建。",
            "集团母公司自己有效专利七十件、发明三十件，子公司加起来两百多件。三年内没得过奖，也没有PCT申请。",
        ],
        ("2022-high-value-patent-new", "enterprise", False),
    ),
    # a branch asking to apply in its own name: it has no legal person of its own
    (
        [
            "我们总部在浙江，在常州设了一个分公司做生产，分公司没有独立法人资格。常州分公司能用自己的名义报工业品牌项目吗？"
        ],
        ("2022-industrial-brand", "enterprise", False),
    ),
    # who may apply, asked of the 协会 the applicant said it is a turn before: a check, 不符合
    (
        [
            "我们是县里的大闸蟹行业协会，集体商标是我们协会持有的。",
            "能不能由协会自己申报22年的地理标志商标品牌培育项目？",
        ],
        ("2022-gi-brand", "协会", False),
    ),
    # a corrected rank in Chinese numerals (「是第十八，不是第八」) replaces the rank told before
    (
        [
            "我们县国家强县工程示范县，2020年万人发明专利拥有量全省县区第八，市里没有承担这个项目，22年保护示范区创建能报吧",
            "刚核了一下数据，说错了，是第十八，不是第八。",
        ],
        ("2022-protection-zone", "county", None),
    ),
    # a correction that gives a title to another body (「强县示范的是我们隔壁县」), says the
    # applicant is not one (「我们县不是，也不是试点县」) and denies the other two in one list:
    # every alternative is denied, 不符合
    (
        [
            "我们县是国家知识产权强县建设示范县，2023年度撤回率高于全省平均，2024年保护示范区能报吧？",
            "哎说错了，强县示范的是我们隔壁县，我们县不是，也不是试点县。快维中心和22年真抓实干我们也都没有。这样呢？",
        ],
        ("2024-protection-zone", "county", False),
    ),
    # who may apply asked of itself in its own role (「联盟能不能自己作为申报主体报…」): a check
    (
        [
            "我们是南通市船舶海工产业知识产权联盟，联盟没有独立法人资格。"
            "联盟能不能自己作为申报主体报2022年高价值专利培育新建项目？"
        ],
        ("2022-high-value-patent-new", "联盟", False),
    ),
    # a message typed as a list, one line a fact, the question on the last line, is a check
    (
        [
            "南京市的情况：\n国家知识产权示范城市\n2020年度真抓实干成效明显地区\n国家级知识产权保护中心已建成\n"
            "2021年省委省政府知识产权保护工作检查优秀\n材料预计2月10日报\n请判断能否申报2022年省保护示范区创建。"
        ],
        ("2022-protection-zone", "city", True),
    ),
    # a correction naming the year of a fact told before (「2019年那个我们是参与单位」) takes it back
    (
        [
            "22年高价值专利新建，我们是企业：江苏注册独立法人，动力电池行业龙头，正在承担工信部重大专项，已取得成果；"
            "近三年研发占比4.2%、4.5%、4.8%；2021年IP费用占研发5.2%；经营不错，近三年利税每年都过亿；"
            "独立知识产权部7人；有效专利210件；无失信，无非正常申请。",
            "我们2019年牵头做过一个省高价值专利培育项目。",
            "哦不对，说错了，2019年那个我们是参与单位，牵头的是南京一所高校，我们从来没牵头过。"
            "也没有未验收的省企业知识产权战略推进项目。",
        ],
        ("2022-high-value-patent-new", "enterprise", None),
    ),
    # a body under the county that names itself (a 事业单位) is not the county
    (
        [
            "我们是县里的知识产权服务中心，事业单位。2024年度保护示范区能以我们中心名义报吗？县里条件挺好的，强县试点、撤回率也高。"
        ],
        ("2024-protection-zone", "服务中心", False),
    ),
    # the bureau's project denied (「没有省知识产权局的战略推进计划项目」) is not one under way
    (
        [
            "我们公司无锡注册的独立法人，做轴承的制造企业，是产业链链主企业，行业领先，经营状况很好，"
            "产品国内市占率全国前五，有知名度。2021年利税两千八百万。主商标2008年注册一直用到现在。"
            "贯标做了，制度也比较完善，单独设了知识产权办公室，4个专兼职；2021年知识产权费用占研发费用5.5%，"
            "研发占营收3.8%，有效发明专利60件。没有失信、没有非正常申请，目前手上也没有省知识产权局的"
            "战略推进计划项目。22年工业品牌能报吗？"
        ],
        ("2022-industrial-brand", "enterprise", True),
    ),
    # after a decision, the round named alone (「是2024年度的那批」) is the same check in it
    (
        [
            "问个事，我们县能不能报保护示范区",
            "我们县是国家知识产权强县建设示范县，2023年那个非正常专利申请的撤回率高于全省平均。",
            "哦忘了说，是2024年度的那批。",
        ],
        ("2024-protection-zone", "county", True),
    ),
    # facts, then 「报…？」 alone: whether the park can apply
    (
        [
            "我们国家高新区建了一个综合性的知识产权保护服务中心，维权、调解、快审都在里面。"
            "强国建设试点示范园区没评过，省建设示范园区也没有。2023非正常专利申请撤回率高于全省。"
            "报2024年度保护示范区？"
        ],
        ("2024-protection-zone", "park", True),
    ),
    # 「没有事故失信」: one negation before two things named side by side denies both
    (
        [
            "设区市，22年地标项目，XX银杏，集体商标2014年注册，政府保障没问题，有名，主导产业，"
            "上年销售额8000万。没有事故失信，没承担过省地标项目，县里不重复。能报吗"
        ],
        ("2022-gi-brand", "city", True),
    ),
    # a correction naming 「另一个市里的科技项目」: yet another body's project, not the applicant
    (
        [
            "我们2019年立项的高价值专利培育项目还没验收，能报22年的高价值专利升级项目吗？其他都满足："
            "正在承担省部级攻关、有成果，国内市占率第一，无失信无非正常申请，江苏独立法人。",
            "等一下，我记错了，我们牵头的高价值专利项目是2016年立项、2019年通过验收的那个，"
            "2019年立项的是另一个市里的科技项目。",
        ],
        ("2022-high-value-patent-upgrade", "enterprise", True),
    ),
    # a bare negation between two things run together is the first one's when the second has its
    # own (「事故没有失信也没有」): no accident read, so no 不符合; the facts not told are asked
    (
        ["我们县的地理标志证明商标注册5年了，近三年事故没有失信也没有，能报22年地理标志商标品牌培育项目吗？"],
        ("2022-gi-brand", "county", None),
    ),
    # terse, words set apart by spaces: each is a clause of its own
    (
        ["高价值专利新建 江苏独立法人 行业领军 失信记录 非正常申请 都没有 有效发明专利三四十件 能报不"],
        ("2022-high-value-patent-new", "enterprise", None),
    ),
    # an answer telling of another event than the one asked (立项, asked 验收) answers nothing
    (
        [
            "22年高价值升级，我们是南京的科研院所，独立法人，研发国际领先，正在承担国家重大专项，有成果，无失信无非正常",
            "高价值项目是2019年立项的",
        ],
        ("2022-high-value-patent-upgrade", "research", None),
    ),
    # a correction naming a title told before by part of its words takes it back
    (
        [
            "24年保护示范区，我们是国家级高新区，国家知识产权强国建设示范园区，23年撤回率高于全省平均",
            "不对，我搞混了，示范园区是隔壁开发区评上的，不是我们",
        ],
        ("2024-protection-zone", "park", None),
    ),
    # a program's name inside a title denied (「也不是…或保护示范区」) switches no program
    (
        [
            "我们是XX葡萄协会，想报地理标志的商标品牌培育和保护项目，可以吗？",
            "那如果改成我们县政府来报呢？县里愿意出钱出人出物。XX葡萄2013年就注册证明商标了，是县里的主导特色产业，"
            "名气很大，2021年销售额八千多万；三年内没有质量、安全健康、环保责任事故，也没有严重失信；"
            "没在承担2020、2021年省级地标项目，市里不报这个。",
            "说错了，八千多万是2020年的数，2021年只卖了四千来万，也不是重点联系指导项目或保护示范区。那还行吗？",
        ],
        ("2022-gi-brand", "county", False),
    ),
    # a figure told with no year and left in doubt is what a correction of its unit corrects
    (
        [
            "国家级高新区，国家知识产权示范园区，有独立知识产权管理机构统一管专利商标地理标志，所在市县都没承担保护示范区。"
            "万人发明专利拥有量全省园区第11。",
            "不对不对，第11是2021年的排名，2020年我们是第9名。",
        ],
        ("2022-protection-zone", "park", True),
    ),
    # 「一千来万」 is about 1000万, not over it; the exact figure got later (「要了准数」) corrects it:
    # a handicraft's floor of 1000万 is then asked, never met (found as a wrong 符合, session 43)
    (
        [
            "崇川区报地理标志项目，指定的是手工艺品类的地理标志，集体商标注册十多年了，区政府保障到位，是我们区的特色产业，"
            "知名度不错，三年内没事故没失信，没在承担省级地标项目，市里也不会指定同一个。2021年销售额一千来万吧。",
            "刚找统计要了准数，2021年是800万，没到一千万，也不是什么国家级的重点联系项目或保护示范区。够格吗？",
        ],
        ("2022-gi-brand", "county", None),
    ),
    # a program applied for, then a bare tag (「…，报22年专利转化专项，行吗」): that program is
    # asked, not the one the facts suggest (链主 is an industrial brand's word)
    (
        [
            "我们是产业链的链主企业，江苏注册独立法人，想自己牵头成立产业知识产权运营中心，报22年专利转化专项，行吗"
        ],
        ("2022-patent-transfer", "enterprise", False),
    ),
    # a correction naming an alternative of a title as another body's (「试点县是…另一个县」) takes
    # the title back (a wrong 符合 on set BE, session 43)
    (
        [
            "县里想申请2024年度保护示范区。我们是国家知识产权强县建设试点县，23年撤回率高于全省平均。",
            "不对不对，我搞混了，试点县是我们市下面另一个县，我们县不是。我们也没有快速维权中心，2022年真抓实干也没评上。",
        ],
        ("2024-protection-zone", "county", None),
    ),
    # the figure of a whole (「这5个人里有几个是专职…」) is no count of its part (a wrong 符合 on BE)
    (
        [
            "江苏的科研院所，独立法人，知识产权管理人员5个，管理制度相对完善。年均授权200件，年均转化20件。22年专利转化专项能报吗？",
            "这5个人里有几个是专职做转化的我得回去核实。",
        ],
        ("2022-patent-transfer", "research", None),
    ),
    # one year's figures of three-year averages bound them from below only: 400 grants in 2021
    # may be 133 a year (under 150), 24 transfers 8 (a wrong 符合 on set BG, session 45)
    (
        [
            "我们是南京的一所高校，独立法人，想报2022年专利转化专项。知识产权管理人员6人，专职转化3人，制度完善。",
            "2021年学校专利授权400件，转化了24件。",
        ],
        ("2022-patent-transfer", "research", None),
    ),
    # a geographical indication named once and again of the other level: the city did not
    # designate ours (session 45, set BF)
    (
        [
            "县里用青湖莲藕报22年地理标志项目：集体商标2012年注册；2021年销售额七千万元；县政府保障经费、人员、物资；"
            "是地方特色主导产业，知名度高；生产规范，近三年无重大质量安全环保事故，无严重失信；"
            "没有在承担2020、2021年省级地标项目；设区市没有指定青湖莲藕。"
        ],
        ("2022-gi-brand", "county", True),
    ),
    # ...and the city did (「市里已经指定东湖螃蟹去申报了」): 不符合
    (
        [
            "我们市打算拿东湖螃蟹报22年地标项目，条件应该都够。",
            "那我们县呢？我是东湖所在县的，市里已经指定东湖螃蟹去申报了，我们县也想用东湖螃蟹报，其他条件都满足。县里可以报吗？",
        ],
        ("2022-gi-brand", "county", False),
    ),
    # session 47 (blind sets BG, BH): a bare 「符合？」 after the applicant's facts asks to check them
    (
        [
            "盐城市，指定一个水产品地理标志，证明商标2012年注册；2021年销售额2亿；市政府保障到位；"
            "地方特色主导产业，知名度高；3年内无重大责任事故，无严重失信；未承担20、21年省级地标项目；"
            "县区不报同一个。符合？"
        ],
        ("2022-gi-brand", "city", True),
    ),
    # a county-level city named by its name is a county
    (
        [
            "我们是常熟市，国家知识产权强县工程示范县，2020年度真抓实干成效明显地区，苏州市没承担过这个项目。22年度保护示范区能报吗？"
        ],
        ("2022-protection-zone", "county", True),
    ),
    # 「那我们下面的邳州市呢」: a 市 under the city asked about is a county-level one
    (
        [
            "我们是徐州市知识产权局的，市里能报24年保护示范区吗？我们市还没有国家级的保护中心。",
            "那我们下面的新沂市呢？新沂是国家知识产权强县建设试点县，2023年度非正常专利申请撤回率高于全省平均。",
        ],
        ("2024-protection-zone", "county", True),
    ),
    # 「我们所在的市、县都没承担过」: each item of the list after 所在的 is the park's parent
    (
        [
            "国家级经开区想报22年保护示范区创建。我们入选了国家知识产权示范园区，2020年万人发明专利拥有量全省园区第五。",
            "补充：有独立的知识产权局，专利商标地理标志统一管理；我们所在的市、县都没承担过这个项目。能报吗？",
        ],
        ("2022-protection-zone", "park", True),
    ),
    # a town under a county is no applicant the guide admits, whatever its county holds
    (
        ["我们是某县下面的一个镇，镇政府想申报2024年的保护示范区，镇里企业专利很多，能报吗？"],
        ("2024-protection-zone", "镇", False),
    ),
    # the applicant does not know a fact just asked: the check stays open on it
    (
        [
            "我们市是国家知识产权示范城市，国家级知识产权保护中心也建成了，市政府想报22年保护示范区创建。",
            "2021年省里那次保护工作检查的结果我还没查到，不知道评的什么等次。",
        ],
        ("2022-protection-zone", "city", None),
    ),
    # a follow-up that turns to a county under the city, after a reply: the county is checked
    # on its own facts, not on the city's told before (its own rate is not said: asked)
    (
        [
            "我们市是国家知识产权强市建设示范城市，国家级保护中心已建，2023年度撤回率高于全省平均，想报24年保护示范区。",
            "明白了。那我们下面的一个县呢？那个县建有国家级知识产权快速维权中心。",
        ],
        ("2024-protection-zone", "county", None),
    ),
    # a case told at length is checked, though it asks something else in passing
    (
        [
            "咨询22年高价值专利培育新建。我们是无锡注册的独立法人企业，行业龙头，正在承担国家重点研发计划项目，"
            "已经取得一定成果。研发占比近三年分别是5.1%、5.3%、5.6%，2021年知识产权费用占研发6%。经营良好，"
            "近三年利税均在5000万以上。有独立的知识产权部，5个人，制度健全。有效专利150件，不过听说获奖的话数量还能减半？"
            "无失信，无非正常申请，没牵头做过高价值项目，没有未验收的企业战略推进项目。"
        ],
        ("2022-high-value-patent-new", "enterprise", True),
    ),
    # session 59: questions of applying in forms that had not reached the checker, and facts
    # the guides' own sentences imply
    # 「我们是市里确定的…地区」: the city decided, the applicant is the park named first; the
    # program read from the park's facts
    (
        [
            "开发区管委会咨询（国家级经开区）。我们是市里确定的新能源汽车重点产业链所在地区，出台了产业发展规划；"
            "链主企业落户，配套企业集聚，产业链相关企业八十多家；园区建有知识产权管理机构，知识产权资金纳入财政预算，"
            "专利产出高，知识产权综合实力全省前列。能报吗？"
        ],
        ("2022-patent-transfer", "park", True),
    ),
    # 「是不是报不了」: an apply verb that cannot be done, asked yes or no
    (
        ["我们市国家级知识产权保护中心一直没建起来，22年保护示范区创建是不是就报不了了？"],
        ("2022-protection-zone", "city", False),
    ),
    # 「能不能我们自己作为牵头单位报…」: the applicant names itself between 能不能 and its capacity
    (
        ["我们是一家商标代理公司，能不能我们自己作为牵头单位报2022年高价值专利培育升级项目？"],
        ("2022-high-value-patent-upgrade", "代理公司", False),
    ),
    # 「能不能由市政府作为申报主体报…」 after the body's own wish: whether it can apply, not who may
    (
        ["市政府打算整体推动企业品牌建设，能不能由市政府作为申报主体报22年工业品牌培育项目？"],
        ("2022-industrial-brand", "city", False),
    ),
    # 「想报…，还差什么」: a program named, the check asked; no screening of every program
    (
        ["我们是南通的船舶配件制造企业，利税三千万，主商标用了八年，想报22年工业品牌项目，还差什么？"],
        ("2022-industrial-brand", "enterprise", None),
    ),
    # after a question of the conditions, 「那我们下面的XX区呢？它是…」 with that body's facts
    (
        [
            "设区市申报2024年保护示范区要满足哪些条件？",
            "那我们下面的某某区呢？它是国家知识产权强县建设试点县，2023年度非正常专利申请撤回率也比全省平均高。",
        ],
        ("2024-protection-zone", "county", True),
    ),
    # profits at the guide's bar show good operation; a 驰名商标 its reputation; a subsidiary left
    # out of a figure is not whose it is
    (
        [
            "想报2022年工业品牌。我们是常州注册的独立法人，做电机的工业企业，行业龙头，21年利税五千万。"
            "贯标通过了，有独立的知识产权部，专兼职4人，21年知识产权费用占研发费用6%。主商标持续使用十五年，"
            "是驰名商标，国内市场占有率全国前三。21年研发占销售收入4%，有效发明专利六十件（不含子公司）。"
            "无严重失信，无非正常专利申请，没有在承担省知识产权战略推进计划项目。"
        ],
        ("2022-industrial-brand", "enterprise", True),
    ),
    # a count said to two digits (「一百六十件左右」) clears a bar of 150
    (
        [
            "我们是南京的科研院所，江苏注册的独立法人，想报22年专利转化专项。所里很重视，制度相对完善，"
            "知识产权管理人员6人，专职做转化的3人。近3年年均专利授权一百六十件左右，年均转让许可专利20件。"
        ],
        ("2022-patent-transfer", "research", True),
    ),
    # a denied bound (「不是不到三年」) and a title listed after 或 denied with the one before it
    (
        [
            "县里想拿竹编地标报2022年地理标志项目，手工艺品类。证明商标注册不是不到三年，是2016年注册的。"
            "21年销售额九百万，也没被列为国家地理标志运用促进重点联系指导项目或者保护示范区。能报吗？"
        ],
        ("2022-gi-brand", "county", False),
    ),
    # (session 69) a program's short name and a question tag: 「…保护示范区创建行不行？」 asks to apply
    (
        ["园区是国家级经开区、国家知识产权试点园区，市里没做过保护示范区。22年保护示范区创建行不行？"],
        ("2022-protection-zone", "park", None),
    ),
    # 「能不能冲一下」 asks to apply
    (
        ["县里2023年度非正常专利申请的撤回率比全省平均高不少，24年保护示范区能不能冲一下？"],
        ("2024-protection-zone", "county", None),
    ),
    # the enterprises a university works with (「和企业建立…合作」) are no applicant
    (
        ["我们实验室所在的大学还没有和企业建立产学研合作机制。高价值新建能报吗"],
        ("2022-high-value-patent-new", "research", None),
    ),
    # a list of terse items after 其他都满足 (its last item 「没做过战略推进项目」 a negation with a verb of
    # its own, no denial of the items before it), the one that fails told before it
    (
        [
            "我们2019年牵头承担过省高价值专利培育项目。其他条件满足（江苏独立法人、行业龙头、在研国家项目、"
            "利税均超2000万、独立IP部3人、无失信无非正常、没做过战略推进项目）。能报22年高价值新建吗"
        ],
        ("2022-high-value-patent-new", "enterprise", False),
    ),
    # (wrong decisions of blind set CN, mended) the city named as the one applying now, after a
    # turn that named the county and the city together: the city is checked, not the county
    (
        [
            "XX白茶2014年注册证明商标，县里和市里都想拿它报2022年地标项目，可以一起报吗？",
            "那就县里不报了，只由市政府来报，市政府经费人员物资都能保障。这样能报吗？",
        ],
        ("2022-gi-brand", "city", None),
    ),
    # the enterprises 把…整合起来 are what the county gathers, and 「报一个2022年的升级项目」 is the
    # variant applied for, whatever record the clause tells: a county is no applicant of it
    (
        ["我们县政府想牵头，把县里几家做过高价值专利培育项目的企业整合起来报一个2022年的升级项目，行吗？"],
        ("2022-high-value-patent-upgrade", "county", False),
    ),
]


@pytest.mark.parametrize(("turns", "expected"), CASES)
def test_the_decision_after_the_last_turn(assistant: Assistant, turns: list[str], expected: tuple) -> None:
    conversation = Conversation()
    replies = [assistant.ask(turn, conversation) for turn in turns]
    decision = replies[-1].decision
    assert decision is not None, replies[-1].answer
    assert (decision["program"], decision["applicant_type"], decision["eligible"]) == expected, replies[
        -1
    ].answer
    assert "内部错误" not in replies[-1].answer
