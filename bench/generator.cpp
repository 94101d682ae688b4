// Synthetic 政府信息公开工作年度报告 generator. See generator.hpp and README.md.
//
// Pipeline for one report:
//   1. build a structured document (sections → blocks; tables as cell grids) from a
//      text RNG stream; an optional table error / unfilled cell is drawn from streams of
//      their own right after the table numbers, before any prose quotes them;
//   2. pick and apply defects from a separate defect RNG stream, at the structure level
//      (drop/swap sections, override heading numbers, shift the period year); then, with the
//      content options, write the content sentences and content defects into the document from
//      streams of their own (plan_content), marking where each truth is;
//   3. render to lines, recording the line of every heading, of the period sentence, of every
//      content mark and the position of every table cell, so truth positions come from the
//      renderer rather than from re-parsing;
//   4. optionally convert to traditional script character by character (line-preserving).
// The crawl layout replaces step 3 with render_crawl() (one line for the whole page, positions
// as columns) and plans its own table changes (plan_crawl_mods) instead of plan_table_mods.
//
// Separate RNG streams keep the base text of seed S identical whatever the defect rate,
// which makes a clean/defective pair easy to diff when a linter result looks wrong.

#include "generator.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace gklint::bench {

uint64_t mix_seed(uint64_t seed, uint64_t index) {
  // SplitMix64 finaliser over seed and index: neighbouring indices give unrelated streams.
  uint64_t z = seed + 0x9E3779B97F4A7C15ULL * (index + 1);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

const char* regime_name(Regime r) {
  switch (r) {
    case Regime::gov2007: return "gov-2007";
    case Regime::gov2019: return "gov-2019";
    case Regime::gov2021: return "gov-2021";
  }
  return "?";
}

std::optional<Regime> parse_regime(std::string_view s) {
  if (s.rfind("gov-", 0) == 0)
    s.remove_prefix(4);
  else if (s.rfind("gov", 0) == 0)
    s.remove_prefix(3);
  if (s == "2007") return Regime::gov2007;
  if (s == "2019") return Regime::gov2019;
  if (s == "2021") return Regime::gov2021;
  return std::nullopt;
}

const char* table_layout_name(TableLayout l) {
  switch (l) {
    case TableLayout::pipe: return "pipe";
    case TableLayout::markdown: return "markdown";
    case TableLayout::tab: return "tab";
    case TableLayout::aligned: return "aligned";
    case TableLayout::cell_per_line: return "cell_per_line";
    case TableLayout::random: return "random";
    case TableLayout::crawl: return "crawl";
  }
  return "?";
}

std::optional<TableLayout> parse_table_layout(std::string_view s) {
  for (TableLayout l : {TableLayout::pipe, TableLayout::markdown, TableLayout::tab, TableLayout::aligned,
                        TableLayout::cell_per_line, TableLayout::random, TableLayout::crawl})
    if (s == table_layout_name(l)) return l;
  return std::nullopt;
}

namespace {

// ---------------------------------------------------------------------------------------
// Random numbers. std::mt19937_64 is fully specified by the standard, but the standard
// distributions are not (libstdc++ and libc++ differ), so ranges are derived by hand.
class Rng {
 public:
  explicit Rng(uint64_t seed) : eng_(seed) {}

  uint64_t next() { return eng_(); }

  // Uniform integer in [lo, hi] (inclusive), unbiased by rejection.
  int64_t range(int64_t lo, int64_t hi) {
    if (hi <= lo) return lo;
    const uint64_t span = static_cast<uint64_t>(hi - lo) + 1;
    const uint64_t limit = (UINT64_MAX / span) * span;
    uint64_t x;
    do {
      x = next();
    } while (x >= limit);
    return lo + static_cast<int64_t>(x % span);
  }
  int irange(int lo, int hi) { return static_cast<int>(range(lo, hi)); }

  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  bool chance(double p) { return unit() < p; }

  template <class T>
  const T& pick(const std::vector<T>& v) {
    return v[static_cast<size_t>(range(0, static_cast<int64_t>(v.size()) - 1))];
  }

  template <class T>
  void shuffle(std::vector<T>& v) {
    for (size_t i = v.size(); i > 1; --i) {
      const size_t j = static_cast<size_t>(range(0, static_cast<int64_t>(i) - 1));
      std::swap(v[i - 1], v[j]);
    }
  }

 private:
  std::mt19937_64 eng_;
};

// ---------------------------------------------------------------------------------------
// Vocabulary. Everything the generator can emit is in these tables or in the literals of
// the builders below; unclassified_characters() scans both, so a new word whose
// characters are missing from the traditional map is caught by `gklint-gen --self-check`.

using StrList = std::vector<std::string_view>;

// Placeholders expanded by expand(): {Y} report year, {Y1} next year, {A} agency,
// {we} self-reference (我县/我局/本机关…), {n:lo-hi} integer, {p:lo-hi} percentage with one
// decimal, and figures that must agree with the tables: {new} {carry} {out} {pub} {rev} {lit}.

enum Topic : int {
  kGeneral,
  kActive,
  kRequest,
  kRequest2007,
  kManage,
  kPlatform,
  kOversight,
  kFees,
  kReview,
  kOther,
  kTopicCount
};

const StrList& topic_pool(Topic t) {
  static const std::array<StrList, kTopicCount> pools = {{
      // kGeneral
      {
          "{Y}年，{we}"
          "在上级政务公开主管部门的指导下，认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例"
          "外，持续推进政府信息公开工作。",
          "{we}紧紧围绕中心工作，把政府信息公开作为转变政府职能、建设法治政府的重要抓手，不断提高政府工作透明度。",
          "全年政府信息公开工作总体运行平稳，公开内容更加全面，公开渠道不断拓宽，公众满意度进一步提升。",
          "{we}"
          "坚持以人民为中心的发展思想，聚焦群众关切，依法依规做好政府信息公开各项工作，切实保障人民群众的知情权、参与权"
          "、表达权和监督权。",
          "在各部门的共同努力下，政府信息公开工作的规范化、标准化水平得到进一步提高，为经济社会发展营造了良好环境。",
          "{we}全年召开专题会议{n:2-12}次，研究部署政府信息公开重点任务，及时解决工作中遇到的困难和问题。",
          "各责任单位按照职责分工，细化工作任务，明确完成时限，形成了一级抓一级、层层抓落实的工作格局。",
          "坚持把政府信息公开与优化营商环境、深化“放管服”改革结合起来，以公开促落实、促规范、促服务。",
          "全年共印发政务公开相关工作文件{n:2-15}件，进一步健全了政府信息公开制度体系。",
          "{we}将政府信息公开工作列入重要议事日程，主要负责同志多次听取工作汇报并提出明确要求。",
          "通过一年来的努力，政府信息公开工作取得了新的成效，政府公信力和执行力进一步增强。",
          "认真对照年度政务公开工作要点，逐项分解任务、逐项推进落实，确保各项工作按时完成。",
          "年初，{we}制定印发了{Y}年政务公开工作要点和任务分工方案，明确了{n:10-40}项具体任务和责任单位。",
          "坚持把政务公开作为密切联系群众的重要途径，推动决策、执行、管理、服务、结果全过程公开。",
          "各科室、各下属单位负责人作为本单位政府信息公开工作第一责任人，切实担负起组织推动责任。",
          "全面梳理本单位职责范围内的公开事项，形成了较为完整的政府信息公开事项清单。",
          "注重发挥典型示范作用，及时总结推广工作中的好经验、好做法，带动整体工作水平提升。",
          "严格按照“谁制作、谁公开，谁保存、谁公开”的原则，落实政府信息公开工作责任。",
          "围绕年度重点工作任务，加大公开力度，做到重大决策、重要政策、重点工作及时公开。",
          "持续推进决策公开，对涉及公众利益的重大决策事项，事先向社会公开征求意见{n:1-20}次。",
      },
      // kActive
      {
          "全年通过政府门户网站主动公开各类政府信息{n:3000-6000}条，其中政策文件{n:20-300}条，工作动态{n:100-2000}条。",
          "{we}及时公开财政预决算、“三公”经费、重大建设项目等重点领域信息，全年发布相关信息{n:20-400}条。",
          "围绕群众关心关注的教育、医疗、住房、就业、社会保障等民生领域，持续加大信息公开力度，主动回应社会关切。",
          "通过政务微博、微信公众号等新媒体平台发布信息{n:100-3000}条，阅读量累计超过{n:2-90}万人次。",
          "在政务服务大厅、档案馆、图书馆等场所设置政府信息公开查阅点{n:2-30}个，方便群众就近查阅政府信息。",
          "对涉及群众切身利益的重要政策文件，坚持做到政策文件与解读材料同步起草、同步审签、同步发布，全年发布政策解读{"
          "n:5-120}篇。",
          "全年召开新闻发布会{n:1-40}场，主要负责同志出席发布会{n:1-6}次，及时准确发布权威信息。",
          "全年公开行政许可、行政处罚等执法信息{n:50-5000}条，做到执法依据、执法程序和执法结果公开透明。",
          "严格落实公开属性源头认定机制，公文在起草时即明确主动公开、依申请公开或不予公开属性。",
          "及时更新政府信息公开指南和政府信息公开目录，确保公开内容准确、完整、及时。",
          "围绕优化营商环境，集中公开涉企政策、审批流程和收费清单，全年公开涉企政策文件{n:10-200}件。",
          "做好突发事件和公共卫生信息发布工作，第一时间公开事件处置进展，全年发布相关信息{n:10-500}条。",
          "在乡镇（街道）和村（社区）公开栏公开惠民资金发放、低保救助等信息{n:50-2000}条，主动接受群众监督。",
          "加强政务舆情回应，对涉及本单位的舆情做到早发现、早研判、早回应，全年回应社会关切{n:3-80}次。",
          "严格落实重大行政决策预公开制度，全年通过门户网站公开征求意见的决策事项{n:1-25}项，收到意见建议{n:0-300}条。",
          "及时公开部门预算、部门决算和“三公”经费预决算情况，做到公开内容完整、公开时间及时。",
          "主动公开人事任免、公务员招录和事业单位公开招聘信息{n:5-150}条，接受社会监督。",
          "按要求公开权力清单和责任清单，并根据机构职能调整情况进行动态更新。",
          "在门户网站开设“双随机、一公开”专栏，公开抽查事项清单和抽查结果{n:5-300}条。",
          "及时公开建议提案办理复文，主动接受人大代表、政协委员和社会公众的监督。",
      },
      // kRequest (regime-neutral: no figures that a table could contradict)
      {
          "{we}进一步规范依申请公开工作流程，严格按照受理、登记、审核、答复等环节办理，确保依法按时答复。",
          "对申请人提出的政府信息公开申请，做到件件有登记、事事有回音，答复内容准确、依据充分、格式规范。",
          "在办理过程中，加强与申请人的沟通，对申请内容不明确的，及时告知申请人作出补正。",
          "建立依申请公开会商机制，对疑难复杂申请组织法律顾问研究，确保答复合法合规。",
          "申请人可以通过当面申请、信函申请和网络申请等方式提出政府信息公开申请，各渠道运行顺畅。",
          "严格执行答复时限要求，未出现超期答复的情况。",
          "规范答复文书格式，统一制作告知书模板，答复文书均载明救济途径。",
          "加强依申请公开与主动公开的衔接，对申请较为集中的政府信息，及时转为主动公开。",
          "从申请内容看，主要涉及征地拆迁、规划建设、社会保障等方面。",
          "对依申请公开工作人员开展专题培训，提高依法答复的能力和水平。",
          "在政府信息公开指南中明确申请渠道、受理机构、办理流程和联系方式，方便群众提出申请。",
          "对申请公开的信息涉及第三方权益的，依法书面征求第三方意见。",
          "建立依申请公开办理台账，逐件记录申请、受理、延期、答复等办理环节。",
      },
      // kRequest2007 (free figures: the 2007 regime has no table to agree with)
      {
          "{Y}年，{we}共受理政府信息公开申请{n:0-80}件，均已按规定时限予以答复。",
          "对涉及国家秘密、商业秘密和个人隐私的申请，依法作出不予公开答复并说明理由。",
          "全年通过网络提出的申请{n:0-30}件，当面提出的申请{n:0-20}件，信函申请{n:0-10}件。",
      },
      // kManage
      {
          "严格执行公开前保密审查制度，坚持先审查、后公开，全年未发生失泄密事件。",
          "定期开展规范性文件清理工作，对不再适用的文件及时宣布失效或废止，并向社会公开清理结果。",
          "建立政府信息发布协调机制，涉及其他行政机关的，及时沟通确认，确保发布的信息准确一致。",
          "加强政府信息公开工作台账管理，对已公开信息实行动态更新、定期核查。",
          "规范政府信息公开属性审查流程，公开属性由承办科室提出、分管负责同志审定。",
          "对历年已公开的政府信息进行全面梳理，清理过期失效信息{n:10-600}条。",
          "做好政府信息公开工作的归档管理，申请材料、答复文书等资料均已按要求立卷归档。",
          "加强个人信息保护，在公开行政处罚决定等信息时对涉及个人隐私的内容作去标识化处理。",
          "印发政府信息公开工作规程，对信息的采集、审核、发布、更新等环节作出明确规定。",
          "开展政府信息公开目录梳理工作，进一步完善目录分类和编码规则。",
          "建立政府信息公开工作联络员制度，各科室明确一名联络员负责信息的收集和报送。",
          "落实政策文件公开前合法性审查制度，确保公开的政策文件合法有效。",
      },
      // kPlatform
      {
          "持续优化政府门户网站政府信息公开专栏，按照统一标准规范栏目设置，及时更新栏目内容。",
          "加强政务新媒体管理，全面开展政务新媒体清理整合，目前共有政务新媒体{n:2-40}个，均已完成备案。",
          "依托政务服务网推动政务服务事项网上办理，全年网上办件{n:1000-90000}件。",
          "开通政府信息公开网上申请渠道，实现申请、受理、答复全流程网上办理。",
          "完善网站智能搜索和无障碍浏览功能，提升用户体验。",
          "政府门户网站全年访问量达{n:10-900}万人次，网站运行安全平稳。",
          "加强网站内容保障，建立信息报送责任制，确保重要栏目信息更新及时。",
          "开设政策文件库，集中展示现行有效的规范性文件{n:20-500}件，方便公众查询使用。",
          "推进政府公报数字化，在门户网站设置政府公报栏目，提供历年公报在线阅读和下载服务。",
          "在政务服务中心设立政府信息公开专区，配备查询设备和专门人员，为群众提供咨询服务。",
          "优化门户网站互动交流栏目，全年受理网民留言{n:10-3000}件，按时办结率{p:95-99}。",
          "推进政务新媒体与门户网站信息联动，重要信息实现多平台同步发布。",
          "按照网络安全等级保护要求，开展网站安全检测{n:2-12}次，及时修复安全隐患。",
          "完善政务服务热线与政府网站的衔接机制，群众咨询问题能够得到及时答复。",
      },
      // kOversight (the first three name 考核 / 社会评议 / 责任追究, 第五十条第四项)
      {
          "将政府信息公开工作纳入年度绩效考核，考核结果作为评价单位工作的重要依据。",
          "通过政府网站开展社会评议，邀请人大代表、政协委员和群众代表对政府信息公开工作进行评议。",
          "{Y}年，{we}未发生因政府信息公开工作引起的责任追究情况。",
          "组织开展政府信息公开业务培训{n:1-12}次，参训人员{n:20-600}人次。",
          "成立政务公开工作领导小组，由主要负责同志任组长，明确专人负责日常工作。",
          "定期对各单位政府信息公开情况开展检查，对发现的问题及时通报并督促整改。",
          "畅通社会监督渠道，公布监督电话和电子邮箱，认真受理群众对政府信息公开工作的意见建议。",
          "对网站内容开展季度检查，全年检查发现并整改问题{n:2-60}个。",
          "将政务公开纳入干部教育培训内容，提升领导干部运用政务公开推进工作的能力。",
          "聘请社会监督员{n:3-20}名，定期收集群众对政府信息公开工作的意见和建议。",
          "对政府信息公开工作中发现的问题建立整改台账，实行销号管理。",
          "按季度开展政务公开工作自查，形成自查报告并报送上级主管部门。",
      },
      // kFees
      {
          "{Y}年，{we}在办理政府信息公开申请过程中未收取任何费用。",
          "{we}严格执行国家有关规定，未发生政府信息公开收费及减免情况。",
          "申请人查阅政府信息公开目录、公开指南和主动公开的政府信息，均不收取费用。",
          "对于申请提供政府信息的，{we}按照规定免费提供，全年未发生减免费用的情况。",
          "向申请人提供政府信息过程中，未收取检索、复制、邮寄等任何费用。",
          "严格执行国家关于政府信息公开收费的有关规定，未发生违规收费情况。",
      },
      // kReview (regime-neutral)
      {
          "{we}高度重视行政复议和行政诉讼工作，积极配合复议机关和人民法院依法办理相关案件。",
          "通过案件办理，认真查找依申请公开工作中的薄弱环节，不断提高依法行政水平。",
          "对复议机关和人民法院提出的意见建议，及时研究并抓好整改落实。",
          "坚持负责人出庭应诉制度，认真做好答辩举证工作。",
          "建立行政复议和行政诉讼案件通报制度，以案释法，规范依申请公开答复行为。",
          "加强与法律顾问的协作，对可能引发行政复议和行政诉讼的申请事先进行法律审查。",
      },
      // kOther
      {
          "全年共办理人大代表建议{n:0-60}件、政协委员提案{n:0-80}件，办结率100%，办理结果均已按要求公开。",
          "按照上级要求，积极推进基层政务公开标准化规范化建设，编制完成{n:5-26}个领域的政务公开事项标准目录。",
          "年度政务公开工作要点确定的各项任务均已落实到位。",
          "认真落实政府开放日制度，组织开展政府开放活动{n:1-10}次，邀请群众走进机关、参与监督。",
          "及时做好人大代表建议和政协委员提案办理结果公开工作，主动接受社会监督。",
          "严格落实政务公开工作年度报告制度，按时编制并公开本年度报告。",
          "{Y}年，{we}未发生政府信息公开工作相关的投诉举报事项。",
          "积极配合上级主管部门开展政务公开第三方评估工作，对评估发现的问题逐项整改。",
          "认真做好政府信息公开相关的统计工作，按时报送各类统计报表。",
          "{we}持续推进政务公开工作与业务工作深度融合，以公开促进依法行政。",
      },
  }};
  return pools[static_cast<size_t>(t)];
}

// Clauses numbered 一是…二是… in the 存在问题 / 改进 paragraphs.
const StrList kProblemClauses = {
    "政府信息公开的主动性还不够强，部分单位对公开工作重视程度有待提高",
    "公开内容的深度和广度还需拓展，重点领域信息公开不够全面",
    "政策解读的形式较为单一，图解、视频等多样化解读方式运用不够",
    "工作人员业务水平参差不齐，专业化队伍建设有待加强",
    "政务新媒体内容同质化问题仍然存在，互动回应能力有待增强",
    "依申请公开办理的规范化水平还有提升空间，答复文书格式还需进一步统一",
    "信息发布的时效性有待提高，个别栏目更新不够及时",
    "基层政务公开工作发展不平衡，标准化规范化建设有待深化",
};
const StrList kImproveClauses = {
    "加强业务培训，提高工作人员依法公开的意识和能力",
    "拓展公开深度，重点做好财政预决算、重大建设项目等领域信息公开",
    "丰富解读形式，运用图表图解、音频视频等方式提高政策解读质量",
    "规范依申请公开办理流程，严格落实法律顾问审核制度",
    "加强政府网站和政务新媒体监管，确保信息发布及时准确",
    "完善考核评议机制，将政府信息公开纳入年度目标考核",
    "强化督促检查，定期通报各单位信息公开工作情况",
    "推进基层政务公开标准化规范化，扩大公开事项标准目录覆盖面",
};
const StrList kProblemLeads = {
    "{Y}年，{we}政府信息公开工作取得了一定成效，但也存在一些不足，主要表现在：",
    "对照上级要求和人民群众的期待，{we}政府信息公开工作还存在一些问题：",
    "在看到成绩的同时，我们也清醒地认识到工作中还存在一些薄弱环节：",
};
const StrList kImproveLeads = {
    "针对上述问题，{we}将采取以下措施加以改进：",
    "下一步，{we}将重点做好以下工作：",
    "为解决上述问题，{we}将从以下几个方面加以改进：",
};
const StrList kPlanSentences = {
    "{Y1}年，{we}将继续深入贯彻落实《条例》，进一步提高政府信息公开工作质量和水平，为推进法治政府建设作出新的贡献。",
    "{Y1}年，{we}将按照上级政务公开工作要点的部署，细化工作任务，压实工作责任，推动政府信息公开工作再上新台阶。",
};

// 统计期限 sentence variants; {P} is the period year (year-1 for year.mismatch).
const StrList kPeriodSentences = {
    "本报告所列数据的统计期限自{P}年1月1日起至{P}年12月31日止。",
    "报告中所列数据统计期限为{P}年1月1日至{P}年12月31日。",
    "本年度报告所列数据统计日期自{P}年1月1日起至{P}年12月31日止。",
    "本报告中所列数据的统计期限自{P}年1月1日至{P}年12月31日。",
    "本报告信息数据统计期限为：{P}年1月1日——{P}年12月31日。",
    "本报告所列数据的统计期限为{P}年1月1日至{P}年12月31日。",
};
const StrList kBasisSentences = {
    "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，{A}编制了{Y}年政府信息公开工作年度报告。",
    "本报告根据《中华人民共和国政府信息公开条例》和上级政府信息公开主管部门的有关要求编制。",
    "{A}根据《中华人民共和国政府信息公开条例》要求，在认真总结{Y}年政府信息公开工作的基础上编制本报告。",
};
const StrList kBasisSentences2019 = {
    "本报告依据《中华人民共和国政府信息公开条例》第五十条和国务院办公厅政府信息与政务公开办公室印发的年度报告格式要求编"
    "制。",
};
const StrList kContactSentences = {
    "本报告电子版可在{A}门户网站下载。",
    "如对本报告有任何疑问，请与{A}政务公开办公室联系。",
    "报告全文通过政府门户网站政府信息公开专栏向社会公开。",
};
const StrList kLeadOut = {
    "现将{Y}年度政府信息公开工作情况报告如下。",
    "现将有关情况报告如下：",
};

// Agencies. Places are invented or common names; the kind (last character) picks 我县/我市….
const StrList kPlaces = {
    "青阳县", "临川区", "安远县", "江州市",   "东湖区", "白水县", "长宁区", "清河县", "金山区",
    "石门县", "平阳县", "宁海县", "丰城市",   "高台县", "柳林县", "秀山县", "龙泉市", "永和县",
    "云溪区", "桃源县", "梅江区", "鹤山市",   "松阳县", "武城县", "凤凰县", "新会区", "乐平市",
    "华容县", "永和镇", "三江镇", "徐家坪镇", "云岭乡", "桥头镇", "南湖区", "北山县",
};
const StrList kBureaus2007 = {
    "教育局",           "财政局",           "民政局", "卫生局", "国土资源局", "环境保护局", "人力资源和社会保障局",
    "住房和城乡建设局", "交通运输局",       "农业局", "水务局", "审计局",     "统计局",     "商务局",
    "司法局",           "发展和改革委员会",
};
const StrList kBureaus2019 = {
    "教育局",
    "财政局",
    "民政局",
    "卫生健康委员会",
    "自然资源局",
    "生态环境局",
    "人力资源和社会保障局",
    "住房和城乡建设局",
    "交通运输局",
    "农业农村局",
    "水利局",
    "审计局",
    "统计局",
    "商务局",
    "司法局",
    "发展和改革委员会",
    "市场监督管理局",
    "应急管理局",
};

// Sections. `key` is the canonical content name written into defect details.
struct SectionSpec {
  std::string_view key;
  StrList titles;  // first = canonical; others = real variants from REGULATION.md
};

const SectionSpec kOverview2007 = {"概述", {"概述"}};
const std::vector<SectionSpec> kRequired2007 = {
    {"主动公开政府信息情况", {"主动公开政府信息情况", "主动公开政府信息的情况", "政府信息主动公开情况"}},
    {"依申请公开政府信息情况",
     {"依申请公开政府信息情况", "依申请公开和不予公开政府信息的情况", "政府信息依申请公开情况"}},
    {"政府信息公开的收费及减免情况",
     {"政府信息公开的收费及减免情况", "政府信息公开收费及减免情况", "政府信息公开收费与减免情况"}},
    {"因政府信息公开申请行政复议、提起行政诉讼的情况",
     {"因政府信息公开申请行政复议、提起行政诉讼的情况", "申请行政复议和行政诉讼情况",
      "政府信息公开中的行政复议和行政诉讼情况"}},
    {"政府信息公开工作存在的主要问题及改进情况",
     {"政府信息公开工作存在的主要问题及改进情况", "存在的问题及改进措施", "存在问题及改进情况",
      "存在的问题、改进措施及下年工作计划"}},
    {"其他需要报告的事项", {"其他需要报告的事项", "其他事项"}},
};
const std::vector<SectionSpec> kRequired2019 = {
    {"总体情况", {"总体情况"}},
    {"主动公开政府信息情况", {"主动公开政府信息情况"}},
    {"收到和处理政府信息公开申请情况", {"收到和处理政府信息公开申请情况"}},
    {"政府信息公开行政复议、行政诉讼情况",
     {"政府信息公开行政复议、行政诉讼情况", "因政府信息公开工作被申请行政复议、提起行政诉讼情况"}},
    {"存在的主要问题及改进情况",
     {"存在的主要问题及改进情况", "政府信息公开工作存在的主要问题及改进情况", "存在问题及改进情况"}},
    {"其他需要报告的事项", {"其他需要报告的事项"}},
};

// Sub-heading titles per content (index = position in kRequired20xx; overview separate).
const StrList kOverviewSubs = {
    "加强组织领导，健全工作机制", "完善制度建设，规范公开程序", "强化监督检查，确保工作落实",
    "拓宽公开渠道，提升公开实效", "注重政策解读，积极回应关切",
};
const StrList kActiveSubs2007 = {"主动公开信息数量", "主动公开信息形式", "重点领域信息公开", "政策解读和回应关切"};
const StrList kRequestSubs2007 = {"申请情况", "申请办理情况", "不予公开情况"};
const StrList kFeesSubs2007 = {"收费情况", "减免情况"};
const StrList kReviewSubs2007 = {"行政复议情况", "行政诉讼情况"};
const StrList kOtherSubs2007 = {"人大代表建议和政协委员提案办理情况", "政务公开培训情况",
                                "政府信息公开指南和目录更新情况"};
const StrList kOtherSubs2019 = {"信息处理费收取情况", "人大代表建议和政协委员提案办理情况", "政务公开工作要点落实情况",
                                "基层政务公开标准化规范化建设情况"};
const StrList kItemTitles = {"政府门户网站",       "政务新媒体", "新闻发布会",
                             "政府信息公开查阅点", "政务公开栏", "政府公报"};
// One sentence per item title, same order.
const StrList kItemSentences = {
    "{we}门户网站是政府信息公开的第一平台，全年发布各类信息{n:200-5000}条。",
    "通过政务微博、微信公众号发布信息{n:100-3000}条，及时传递政策信息和工作动态。",
    "全年召开新闻发布会{n:1-30}场，通报重点工作进展情况。",
    "在政务服务中心、档案馆等场所设置查阅点{n:2-20}个，提供免费查阅服务。",
    "利用政务公开栏公开各类信息{n:20-800}条，方便群众就近了解政府信息。",
    "编印政府公报{n:4-24}期，免费向社会公众发放。",
};
// The 2007 regime's review facts contradict each other, so exactly one is used.
const StrList kReviewFacts2007 = {
    "{Y}年，{we}未发生因政府信息公开申请行政复议、提起行政诉讼的情况。",
    "全年发生涉及政府信息公开的行政复议{n:1-9}件、行政诉讼{n:0-5}件，均已依法办结。",
};

// Table labels (REGULATION.md, tables 二/三/四).
const std::array<std::string_view, 6> kApplicantCols = {"自然人",       "商业企业",     "科研机构",
                                                        "社会公益组织", "法律服务机构", "其他"};
const std::string_view kT3Note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
const StrList kT4Cols = {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"};

// ---------------------------------------------------------------------------------------
// Small text helpers.

std::string cn_number(int n) {
  static constexpr std::array<std::string_view, 10> d = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n <= 0) return std::string(d[0]);
  if (n < 10) return std::string(d[static_cast<size_t>(n)]);
  std::string s;
  if (n >= 20) s += d[static_cast<size_t>(n / 10)];
  s += "十";
  if (n % 10) s += d[static_cast<size_t>(n % 10)];
  return s;
}

std::string cents(int64_t c) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%lld.%02lld", static_cast<long long>(c / 100), static_cast<long long>(c % 100));
  return buf;
}

// Figures that must agree with tables 三/四 (text-vs-table heuristic in REGULATION.md).
struct Figures {
  int64_t new_total = 0, carry_in = 0, carry_out = 0, published = 0, review_total = 0, litigation_total = 0;
};

struct Ctx {
  int year = 0;
  std::string agency;
  std::string we;
  Figures fig;       // as printed in the tables (after a table error, if any)
  Figures fig_orig;  // before the table error
  // Bytes by which the expanded prose is longer than it would be with fig_orig. Bookkeeping
  // only (see Section::size_skew), never part of the text, hence mutable in a const Ctx.
  mutable int64_t size_skew = 0;
};

std::string expand(std::string_view tpl, const Ctx& c, Rng& rng, int period_year = 0) {
  std::string out;
  out.reserve(tpl.size() + 16);
  auto figure = [&](int64_t printed, int64_t orig) {
    const std::string v = std::to_string(printed);
    c.size_skew += static_cast<int64_t>(v.size()) - static_cast<int64_t>(std::to_string(orig).size());
    out += v;
  };
  size_t i = 0;
  while (i < tpl.size()) {
    if (tpl[i] != '{') {
      out += tpl[i++];
      continue;
    }
    const size_t close = tpl.find('}', i);
    const std::string_view key = tpl.substr(i + 1, close - i - 1);
    i = close + 1;
    if (key == "Y")
      out += std::to_string(c.year);
    else if (key == "Y1")
      out += std::to_string(c.year + 1);
    else if (key == "P")
      out += std::to_string(period_year);
    else if (key == "A")
      out += c.agency;
    else if (key == "we")
      out += c.we;
    else if (key == "new")
      figure(c.fig.new_total, c.fig_orig.new_total);
    else if (key == "carry")
      figure(c.fig.carry_in, c.fig_orig.carry_in);
    else if (key == "out")
      figure(c.fig.carry_out, c.fig_orig.carry_out);
    else if (key == "pub")
      figure(c.fig.published, c.fig_orig.published);
    else if (key == "rev")
      figure(c.fig.review_total, c.fig_orig.review_total);
    else if (key == "lit")
      figure(c.fig.litigation_total, c.fig_orig.litigation_total);
    else if (key.size() > 2 && (key[0] == 'n' || key[0] == 'p') && key[1] == ':') {
      const size_t dash = key.find('-', 2);
      const int lo = std::stoi(std::string(key.substr(2, dash - 2)));
      const int hi = std::stoi(std::string(key.substr(dash + 1)));
      if (key[0] == 'n') {
        out += std::to_string(rng.irange(lo, hi));
      } else {
        const int tenths = rng.irange(lo * 10, hi * 10);
        out += std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + "%";
      }
    } else {
      out += '{';  // unknown placeholder: keep visible so a test notices
      out += key;
      out += '}';
    }
  }
  return out;
}

// Draws sentences without replacement per report, so a report does not repeat itself
// (real reports rarely do, and repeated lines would distort any duplicate-text rule).
class SentencePicker {
 public:
  explicit SentencePicker(Rng& rng) : rng_(rng) {
    for (int t = 0; t < kTopicCount; ++t) refill(static_cast<Topic>(t));
  }
  bool has(Topic t) const { return !left_[static_cast<size_t>(t)].empty(); }
  // One sentence from `t`; when exhausted falls back to kGeneral, then reuses `t`, the sentences
  // drawn last coming last again (a sentence or passage written twice in a row is a defect gklint
  // reports: text.duplicate).
  std::string_view draw(Topic t) {
    if (!has(t)) {
      if (t != kGeneral && has(kGeneral)) return draw(kGeneral);
      refill(t);
    }
    auto& v = left_[static_cast<size_t>(t)];
    const size_t idx = v.back();
    v.pop_back();
    taken(t, idx);
    return topic_pool(t)[idx];
  }

  // Sentence `idx` of `t` written by the caller itself (the fixed 监督保障 sentences): not drawn
  // again before the pool is used up, and not first after it is.
  void consume(Topic t, size_t idx) {
    auto& v = left_[static_cast<size_t>(t)];
    v.erase(std::remove(v.begin(), v.end(), idx), v.end());
    taken(t, idx);
  }

 private:
  static constexpr size_t kRecent = 4;  // sentences of a topic kept from the start of its reuse

  void taken(Topic t, size_t idx) {
    auto& r = recent_[static_cast<size_t>(t)];
    r.push_back(idx);
    if (r.size() > kRecent) r.erase(r.begin());
  }

  void refill(Topic t) {
    auto& v = left_[static_cast<size_t>(t)];
    v.clear();
    for (size_t i = 0; i < topic_pool(t).size(); ++i) v.push_back(i);
    rng_.shuffle(v);
    // Drawn from the back: the recent ones go to the front, so they come last.
    const auto& r = recent_[static_cast<size_t>(t)];
    if (v.size() > r.size())
      std::stable_partition(v.begin(), v.end(), [&](size_t i) { return std::find(r.begin(), r.end(), i) != r.end(); });
  }
  Rng& rng_;
  std::array<std::vector<size_t>, kTopicCount> left_;
  std::array<std::vector<size_t>, kTopicCount> recent_;  // the indices drawn last, per topic
};

// ---------------------------------------------------------------------------------------
// Tables: built as grids of cells and rendered separately in one of the TableLayouts. The
// renderer reports where every cell starts, so the truth for table errors (line, column)
// comes from the renderer rather than from re-parsing the text.

enum class RowKind { caption, header, label, data };
struct TableRow {
  // A constructor rather than aggregate init: most rows only give kind and cells, and
  // -Wextra (missing-field-initializers) would flag every such brace list.
  TableRow(RowKind k, std::vector<std::string> c, size_t nl = 0, std::vector<int> a = {}, std::vector<int> sp = {})
      : kind(k), cells(std::move(c)), nlabel(nl), at(std::move(a)), span(std::move(sp)) {}

  RowKind kind;
  std::vector<std::string> cells;
  // Data rows: how many leading cells are labels (a merged group label makes two); the
  // rest are numbers. Table 四's data row has none.
  size_t nlabel = 0;
  // Header rows only, used by the aligned layout alone: grid column of each cell (0 = the
  // label column when the table has one) and how many columns it spans. Empty = cells in
  // consecutive columns from 0, span 1.
  std::vector<int> at, span;
};
struct TableGrid {
  std::string name;  // "二", "三", "四"
  std::vector<TableRow> rows;
  std::vector<size_t> data_rows;  // table 三: grid row of each Table3 spec row; table 四: the data row
  int64_t size_skew = 0;          // bytes its cells gained from a table error or unfilled cell (see approx_bytes)
};

// Rendering options of one report, drawn once (TableLayout::random is resolved before this).
struct TableStyle {
  TableLayout layout = TableLayout::pipe;
  bool split_labels = false;    // pipe: a long row label alone on its line, numbers on the next (seed 001)
  int trailing_bars = 0;        // pipe: " ||"-style empty cells closing data and caption rows (seed 001)
  bool spaced_headers = false;  // aligned: 商业 企业 / 科研 机构 wrapped as in seed 001's header
};

// Where a cell's text starts: 1-based line of the report and 1-based column in code points.
struct CellPos {
  int line = 0;
  int column = 0;
};
using GridPos = std::vector<std::vector<CellPos>>;  // [grid row][cell]

char32_t decode_utf8(std::string_view s, size_t& i);  // defined with the traditional map below
bool is_ideograph(char32_t c);                        // likewise

int cp_len(std::string_view s) {
  int n = 0;
  for (char ch : s) n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  return n;
}

// Terminal width: East Asian wide/fullwidth characters take two columns, so that aligned
// tables line up in a monospace viewer as pdftotext -layout output does.
int display_width(std::string_view s) {
  int w = 0;
  for (size_t i = 0; i < s.size();) {
    const char32_t c = decode_utf8(s, i);
    const bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
                      (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
                      (c >= 0xFFE0 && c <= 0xFFE6);
    w += wide ? 2 : 1;
  }
  return w;
}

// Seed 001 wraps a long label cell and leaves the numbers on the next line; 16 code points
// catches 一、本年新收政府信息公开申请数量 and longer, and never a table-二 label.
constexpr int kSplitLabelMin = 16;
bool pipe_split_row(const TableRow& r, const TableStyle& ts) {
  return ts.split_labels && r.kind == RowKind::data && r.nlabel > 0 && r.nlabel < r.cells.size() &&
         cp_len(r.cells[r.nlabel - 1]) >= kSplitLabelMin;
}

// The aligned layout: every cell starts at its column's start (numbers right-aligned in the
// column), and at least two spaces always separate cells, so splitting a line on runs of 2+
// spaces gives the cells back (labels never contain two spaces; only the wrapped headers
// 商业 企业 / 科研 机构 contain one).
void render_aligned(const TableGrid& g, const TableStyle& ts, std::vector<std::string>& out, GridPos& pos) {
  struct Placed {
    size_t cell;  // index into the row's cells (label cells of a data row are joined under the first)
    std::string text;
    int col, span;
    bool right;
  };
  auto header_text = [&](const std::string& c) -> std::string {
    if (ts.spaced_headers && c == "商业企业") return "商业 企业";
    if (ts.spaced_headers && c == "科研机构") return "科研 机构";
    return c;
  };
  auto place = [&](const TableRow& r) {
    std::vector<Placed> v;
    if (r.kind == RowKind::data) {
      const int first = r.nlabel > 0 ? 1 : 0;
      if (r.nlabel > 0) {
        std::string lab;
        for (size_t i = 0; i < r.nlabel; ++i) lab += (i ? "  " : "") + r.cells[i];
        v.push_back({0, lab, 0, 1, false});
      }
      for (size_t i = r.nlabel; i < r.cells.size(); ++i)
        v.push_back({i, r.cells[i], first + static_cast<int>(i - r.nlabel), 1, true});
    } else if (r.kind == RowKind::caption) {
      v.push_back({0, r.cells[0], 0, 1000, false});  // spans the table: never widens a column
    } else {
      for (size_t i = 0; i < r.cells.size(); ++i) {
        const int col = r.at.empty() ? static_cast<int>(i) : r.at[i];
        const int span = r.span.empty() ? 1 : r.span[i];
        v.push_back({i, r.kind == RowKind::header ? header_text(r.cells[i]) : r.cells[i], col, span, false});
      }
    }
    return v;
  };
  std::vector<int> width;
  for (const auto& r : g.rows)
    for (const auto& p : place(r)) {
      if (p.span != 1) continue;  // a spanning header sits at its first column without widening it
      if (width.size() <= static_cast<size_t>(p.col)) width.resize(static_cast<size_t>(p.col) + 1, 0);
      width[static_cast<size_t>(p.col)] = std::max(width[static_cast<size_t>(p.col)], display_width(p.text));
    }
  std::vector<int> start(width.size() + 1, 0);
  for (size_t j = 1; j <= width.size(); ++j) start[j] = start[j - 1] + width[j - 1] + 2;
  for (size_t ri = 0; ri < g.rows.size(); ++ri) {
    std::string line;
    int w = 0, cps = 0;
    for (const auto& p : place(g.rows[ri])) {
      const size_t col = std::min(static_cast<size_t>(p.col), start.size() - 1);
      const int tw = display_width(p.text);
      int target = start[col] + (p.right && col < width.size() ? width[col] - tw : 0);
      if (!line.empty()) target = std::max(target, w + 2);
      line.append(static_cast<size_t>(target - w), ' ');
      cps += target - w;
      pos[ri][p.cell] = {static_cast<int>(out.size()) + 1, cps + 1};
      line += p.text;
      w = target + tw;
      cps += cp_len(p.text);
    }
    out.push_back(std::move(line));
  }
}

// Appends the table's lines to `out` and returns where each cell starts (line numbers are
// positions in `out`, 1-based). Data rows' numbers are what the truth points at.
GridPos render_table(const TableGrid& g, const TableStyle& ts, std::vector<std::string>& out) {
  GridPos pos(g.rows.size());
  for (size_t ri = 0; ri < g.rows.size(); ++ri) pos[ri].resize(g.rows[ri].cells.size());
  // One output line holding cells [from, to) of row ri.
  auto emit = [&](size_t ri, size_t from, size_t to, std::string_view prefix, std::string_view sep,
                  std::string_view suffix) {
    const auto& cells = g.rows[ri].cells;
    std::string line(prefix);
    int col = cp_len(prefix) + 1;
    for (size_t i = from; i < to; ++i) {
      if (i > from) {
        line += sep;
        col += cp_len(sep);
      }
      pos[ri][i] = {static_cast<int>(out.size()) + 1, col};
      line += cells[i];
      col += cp_len(cells[i]);
    }
    line += suffix;
    out.push_back(std::move(line));
  };
  switch (ts.layout) {
    case TableLayout::pipe:
    case TableLayout::random:  // resolved before rendering; treated as pipe for safety
    case TableLayout::crawl:   // rendered by render_crawl(), never here; pipe for safety
      // One table row per line, " | " between cells and a closing " |" (as in seed 001),
      // so every table line contains '|' and cannot be mistaken for a heading.
      for (size_t ri = 0; ri < g.rows.size(); ++ri) {
        const TableRow& r = g.rows[ri];
        std::string close = " |";
        if (ts.trailing_bars > 0 && (r.kind == RowKind::data || r.kind == RowKind::caption))
          close += " " + std::string(static_cast<size_t>(ts.trailing_bars), '|');
        if (pipe_split_row(r, ts)) {
          emit(ri, 0, r.nlabel, "", " | ", " |");
          emit(ri, r.nlabel, r.cells.size(), "", " | ", close);
        } else {
          emit(ri, 0, r.cells.size(), "", " | ", close);
        }
      }
      break;
    case TableLayout::markdown: {
      // Markdown needs a separator after the first row; it gets as many columns as the
      // widest row (merged group labels make table 三's widest row one cell longer).
      size_t ncols = 0;
      for (const auto& r : g.rows) ncols = std::max(ncols, r.cells.size());
      for (size_t ri = 0; ri < g.rows.size(); ++ri) {
        emit(ri, 0, g.rows[ri].cells.size(), "| ", " | ", " |");
        if (ri == 0) {
          std::string sep = "|";
          for (size_t i = 0; i < ncols; ++i) sep += " --- |";
          out.push_back(std::move(sep));
        }
      }
      break;
    }
    case TableLayout::tab:
      for (size_t ri = 0; ri < g.rows.size(); ++ri) emit(ri, 0, g.rows[ri].cells.size(), "", "\t", "");
      break;
    case TableLayout::aligned: render_aligned(g, ts, out, pos); break;
    case TableLayout::cell_per_line:
      for (size_t ri = 0; ri < g.rows.size(); ++ri)
        for (size_t i = 0; i < g.rows[ri].cells.size(); ++i) emit(ri, i, i + 1, "", "", "");
      break;
  }
  return pos;
}

// Table 三 as numbers: one row per data row, 6 applicant columns + 总计.
enum class T3Role { new_, carry_in, result, total, carry_out };
struct T3RowSpec {
  std::vector<std::string_view> openers;  // group labels that open before this row
  std::string_view label;
  T3Role role;
  int weight;  // relative frequency of this result among requests
};
struct Table3 {
  bool format2021 = false;
  std::vector<T3RowSpec> spec;
  std::vector<std::array<int64_t, 7>> values;  // parallel to spec
};

std::vector<T3RowSpec> table3_spec(bool f2021) {
  std::vector<T3RowSpec> s = {
      {{}, "一、本年新收政府信息公开申请数量", T3Role::new_, 0},
      {{}, "二、上年结转政府信息公开申请数量", T3Role::carry_in, 0},
      {{"三、本年度办理结果"}, "（一）予以公开", T3Role::result, 40},
      {{}, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", T3Role::result, 8},
      {{"（三）不予公开"}, "1.属于国家秘密", T3Role::result, 1},
      {{}, "2.其他法律行政法规禁止公开", T3Role::result, 1},
      {{}, "3.危及“三安全一稳定”", T3Role::result, 1},
      {{}, "4.保护第三方合法权益", T3Role::result, 2},
      {{}, "5.属于三类内部事务信息", T3Role::result, 2},
      {{}, "6.属于四类过程性信息", T3Role::result, 2},
      {{}, "7.属于行政执法案卷", T3Role::result, 1},
      {{}, "8.属于行政查询事项", T3Role::result, 2},
      {{"（四）无法提供"}, "1.本机关不掌握相关政府信息", T3Role::result, 20},
      {{}, "2.没有现成信息需要另行制作", T3Role::result, 4},
      {{}, "3.补正后申请内容仍不明确", T3Role::result, 2},
      {{"（五）不予处理"}, "1.信访举报投诉类申请", T3Role::result, 4},
      {{}, "2.重复申请", T3Role::result, 2},
      {{}, "3.要求提供公开出版物", T3Role::result, 1},
      {{}, "4.无正当理由大量反复申请", T3Role::result, 1},
      {{}, "5.要求行政机关确认或重新出具已获取信息", T3Role::result, 2},
  };
  if (f2021) {
    s.push_back(
        {{"（六）其他处理"}, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", T3Role::result, 3});
    s.push_back({{}, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", T3Role::result, 1});
    s.push_back({{}, "3.其他", T3Role::result, 2});
  } else {
    s.push_back({{}, "（六）其他处理", T3Role::result, 5});
  }
  s.push_back({{}, "（七）总计", T3Role::total, 0});
  s.push_back({{}, "四、结转下年度继续办理", T3Role::carry_out, 0});
  return s;  // 23 data rows (2019) or 25 (2021)
}

// Volume tier of the agency: most reporting bodies get a handful of requests a year,
// a few municipal offices get thousands (see the worked figures in REGULATION.md).
int volume_tier(Rng& rng) {
  const double u = rng.unit();
  return u < 0.35 ? 0 : u < 0.70 ? 1 : u < 0.90 ? 2 : 3;
}

Table3 make_table3(Rng& rng, bool f2021, int tier) {
  Table3 t;
  t.format2021 = f2021;
  t.spec = table3_spec(f2021);
  t.values.assign(t.spec.size(), {});
  static constexpr std::array<int, 4> tier_max = {3, 20, 200, 2000};
  // Share of each applicant column in percent of the natural-person volume.
  static constexpr std::array<int, 6> col_pct = {100, 12, 1, 2, 3, 3};

  std::vector<size_t> result_rows;
  int64_t weight_sum = 0;
  for (size_t r = 0; r < t.spec.size(); ++r) {
    if (t.spec[r].role == T3Role::result) {
      result_rows.push_back(r);
      weight_sum += t.spec[r].weight;
    }
  }
  size_t row_new = 0, row_carry = 0, row_total = 0, row_out = 0;
  for (size_t r = 0; r < t.spec.size(); ++r) {
    switch (t.spec[r].role) {
      case T3Role::new_: row_new = r; break;
      case T3Role::carry_in: row_carry = r; break;
      case T3Role::total: row_total = r; break;
      case T3Role::carry_out: row_out = r; break;
      case T3Role::result: break;
    }
  }
  for (size_t c = 0; c < 6; ++c) {
    const int64_t cap = static_cast<int64_t>(tier_max[static_cast<size_t>(tier)]) * col_pct[c] / 100;
    const int64_t handled = rng.range(0, cap);
    // Spread `handled` requests over the result rows by weight (multinomial draw).
    for (int64_t k = 0; k < handled; ++k) {
      int64_t x = rng.range(0, weight_sum - 1);
      for (size_t r : result_rows) {
        x -= t.spec[r].weight;
        if (x < 0) {
          t.values[r][c] += 1;
          break;
        }
      }
    }
    int64_t total = 0;
    for (size_t r : result_rows) total += t.values[r][c];
    const int64_t out = rng.range(0, total / 8);
    const int64_t carry = rng.range(0, std::min<int64_t>(total + out, total / 8));
    t.values[row_total][c] = total;
    t.values[row_out][c] = out;
    t.values[row_carry][c] = carry;
    t.values[row_new][c] = total + out - carry;  // balance: 一 + 二 = （七） + 四
  }
  for (auto& row : t.values) {
    row[6] = 0;
    for (size_t c = 0; c < 6; ++c) row[6] += row[c];  // row-total
  }
  return t;
}

int64_t t3_value(const Table3& t, T3Role role, size_t col) {
  for (size_t r = 0; r < t.spec.size(); ++r)
    if (t.spec[r].role == role) return t.values[r][col];
  return 0;
}

TableGrid table3_grid(const Table3& t, bool merge_openers) {
  TableGrid g;
  g.name = "三";
  // Grid columns: 0 = row labels, 1..7 = 自然人 … 总计. The note spans the label column and
  // 申请人情况 all seven; 法人或其他组织 spans the five organisation columns.
  g.rows.push_back({RowKind::header, {std::string(kT3Note), "申请人情况"}, 0, {0, 1}, {8, 7}});
  g.rows.push_back({RowKind::header, {"自然人", "法人或其他组织", "总计"}, 0, {1, 2, 7}, {1, 5, 1}});
  g.rows.push_back({RowKind::header,
                    {std::string(kApplicantCols[1]), std::string(kApplicantCols[2]), std::string(kApplicantCols[3]),
                     std::string(kApplicantCols[4]), std::string(kApplicantCols[5])},
                    0,
                    {2, 3, 4, 5, 6},
                    {1, 1, 1, 1, 1}});
  for (size_t r = 0; r < t.spec.size(); ++r) {
    TableRow row{RowKind::data, {}};
    for (auto o : t.spec[r].openers) {
      // Real reports either give a group label its own row or merge it into the
      // first member's row (seed 001); both are produced.
      if (merge_openers)
        row.cells.emplace_back(o);
      else
        g.rows.push_back({RowKind::label, {std::string(o)}});
    }
    row.cells.emplace_back(t.spec[r].label);
    row.nlabel = row.cells.size();
    for (auto v : t.values[r]) row.cells.push_back(std::to_string(v));
    g.data_rows.push_back(g.rows.size());
    g.rows.push_back(std::move(row));
  }
  return g;
}

struct Table4 {
  std::array<std::array<int64_t, 5>, 3> groups{};  // 行政复议, 直接起诉, 复议后起诉
};

Table4 make_table4(Rng& rng, int tier) {
  // Reviews and suits are rarer than requests: most cells are 0, a few small counts.
  static constexpr std::array<double, 4> nonzero = {0.05, 0.15, 0.4, 0.7};
  static constexpr std::array<int, 4> tier_max = {1, 2, 4, 25};
  Table4 t;
  for (auto& g : t.groups) {
    g[4] = 0;
    for (size_t i = 0; i < 4; ++i) {
      const auto ti = static_cast<size_t>(tier);
      g[i] = rng.chance(nonzero[ti]) ? rng.range(1, tier_max[ti]) : 0;
      g[4] += g[i];  // review-total
    }
  }
  return t;
}

TableGrid table4_grid(const Table4& t) {
  TableGrid g;
  g.name = "四";
  // Grid columns 0..14, no label column: 行政复议 spans 0–4, 行政诉讼 5–14.
  g.rows.push_back({RowKind::header, {"行政复议", "行政诉讼"}, 0, {0, 5}, {5, 10}});
  g.rows.push_back({RowKind::header, {"未经复议直接起诉", "复议后起诉"}, 0, {5, 10}, {5, 5}});
  TableRow cols{RowKind::header, {}};
  TableRow data{RowKind::data, {}};
  for (const auto& grp : t.groups) {
    for (size_t i = 0; i < 5; ++i) {
      cols.cells.emplace_back(kT4Cols[i]);
      data.cells.push_back(std::to_string(grp[i]));
    }
  }
  g.rows.push_back(std::move(cols));
  g.data_rows.push_back(g.rows.size());
  g.rows.push_back(std::move(data));
  return g;
}

std::string signed_delta(Rng& rng, int64_t v) {
  if (v == 0) return "0";
  if (v > 0) return "+" + std::to_string(v);
  // Real reports sometimes write the minus sign as an em dash (seed 001: —208).
  return (rng.chance(0.1) ? "—" : "-") + std::to_string(-v);
}

TableGrid table2_grid(Rng& rng, bool f2021, int tier) {
  TableGrid g;
  g.name = "二";
  auto caption = [&](const char* item) {
    g.rows.push_back({RowKind::caption, {std::string("第二十条第（") + item + "）项"}});
  };
  auto header = [&](std::vector<std::string> cols) {
    cols.insert(cols.begin(), "信息内容");
    g.rows.push_back({RowKind::header, std::move(cols)});
  };
  auto data = [&](const char* label, std::vector<std::string> vals) {
    vals.insert(vals.begin(), label);
    g.rows.push_back({RowKind::data, std::move(vals), 1});
  };
  const int64_t scale = tier == 0 ? 1 : tier == 1 ? 5 : tier == 2 ? 30 : 150;
  auto n = [&](int64_t hi) { return rng.range(0, hi * scale); };
  if (!f2021) {
    caption("一");
    header({"本年新制作数量", "本年新公开数量", "对外公开总数量"});
    const int64_t rules_new = rng.chance(0.7) ? 0 : rng.range(0, 3);
    const int64_t docs_new = n(5);
    data("规章", {std::to_string(rules_new), std::to_string(rules_new),
                  std::to_string(rules_new + (rules_new ? rng.range(0, 40) : 0))});
    data("规范性文件", {std::to_string(docs_new), std::to_string(docs_new), std::to_string(docs_new + n(40))});
    for (auto [item, a, b] :
         {std::tuple{"五", "行政许可", "其他对外管理服务事项"}, std::tuple{"六", "行政处罚", "行政强制"}}) {
      caption(item);
      header({"上一年项目数量", "本年增/减", "处理决定数量"});
      for (const char* label : {a, b}) {
        const int64_t prev = n(120);
        const int64_t delta = rng.range(-std::min<int64_t>(prev, 30), 30);
        data(label, {std::to_string(prev), signed_delta(rng, delta), std::to_string(n(3000))});
      }
    }
    caption("八");
    header({"上一年项目数量", "本年增/减"});
    const int64_t fees_prev = rng.range(0, 40);
    data("行政事业性收费",
         {std::to_string(fees_prev), signed_delta(rng, rng.range(-std::min<int64_t>(fees_prev, 5), 5))});
    caption("九");
    header({"采购项目数量", "采购总金额"});
    data("政府集中采购", {std::to_string(n(30)), cents(n(100000))});
  } else {
    caption("一");
    header({"本年制发件数", "本年废止件数", "现行有效件数"});
    const int64_t rules_new = rng.chance(0.7) ? 0 : rng.range(0, 3);
    const int64_t docs_new = n(5);
    data("规章", {std::to_string(rules_new), std::to_string(rules_new ? rng.range(0, 2) : 0),
                  std::to_string(rules_new + (rules_new ? rng.range(0, 40) : 0))});
    data("行政规范性文件", {std::to_string(docs_new), std::to_string(n(3)), std::to_string(docs_new + n(40))});
    caption("五");
    header({"本年处理决定数量"});
    data("行政许可", {std::to_string(n(3000))});
    caption("六");
    header({"本年处理决定数量"});
    data("行政处罚", {std::to_string(n(3000))});
    data("行政强制", {std::to_string(n(200))});
    caption("八");
    header({"本年收费金额（单位：万元）"});
    data("行政事业性收费", {rng.chance(0.4) ? std::string("0") : cents(n(50000))});
  }
  return g;
}

// ---------------------------------------------------------------------------------------
// Table layouts per report, arithmetic errors and unfilled cells. Each draws from its own
// RNG stream (never from the text stream), so with the options off nothing changes, and a
// report that draws no error is byte-identical at any error rate.

TableStyle choose_table_style(uint64_t seed, TableLayout want) {
  TableStyle ts;
  ts.layout = want;
  // Explicit pipe is the rendering of earlier versions, unchanged (tests depend on it);
  // every other choice gets the quirks of its layout in some reports. Crawl has quirks of its
  // own, drawn by render_crawl().
  if (want == TableLayout::pipe || want == TableLayout::crawl) return ts;
  Rng lrng(mix_seed(seed, 0x7AB1E));
  static const std::vector<TableLayout> kLayouts = {TableLayout::pipe, TableLayout::markdown, TableLayout::tab,
                                                    TableLayout::aligned, TableLayout::cell_per_line};
  if (want == TableLayout::random) ts.layout = lrng.pick(kLayouts);
  // All flags are drawn whatever the layout, so the draws do not depend on it.
  const bool split = lrng.chance(0.5);
  const int bars = lrng.chance(0.4) ? lrng.irange(1, 3) : 0;
  const bool spaced = lrng.chance(0.5);
  ts.split_labels = ts.layout == TableLayout::pipe && split;
  ts.trailing_bars = ts.layout == TableLayout::pipe ? bars : 0;
  ts.spaced_headers = ts.layout == TableLayout::aligned && spaced;
  return ts;
}

struct TableMods {
  bool blank = false;
  size_t blank_row = 0, blank_col = 0;  // Table3 spec row, column 0..6
  std::string blank_text;               // "/", "—" or ""
  bool error = false;
  bool error_t4 = false;  // false: table 三 (row = spec row); true: table 四 (row = group)
  size_t error_row = 0, error_col = 0;
  int64_t delta = 0;
};

// How an unfilled cell may be written. An empty cell is only used where a separator follows
// it on the same line, so it never makes a line start with blanks (pipe: the first number of a
// split row) nor end with a tab (tab: the 总计 cell); aligned and one-cell-per-line text has no
// visible empty cell at all.
std::vector<std::string> blank_forms(const TableStyle& ts, const T3RowSpec& row, size_t col) {
  std::vector<std::string> v = {"/", "—"};
  bool empty_ok = false;
  switch (ts.layout) {
    case TableLayout::pipe:
    case TableLayout::random: empty_ok = !(ts.split_labels && cp_len(row.label) >= kSplitLabelMin && col == 0); break;
    case TableLayout::markdown: empty_ok = true; break;
    case TableLayout::tab: empty_ok = col != 6; break;
    case TableLayout::aligned:
    case TableLayout::cell_per_line:
    case TableLayout::crawl: break;  // crawl blanks are planned by plan_crawl_mods()
  }
  if (empty_ok) v.emplace_back();
  return v;
}

// Draws the unfilled cell, then the erroneous cell among the remaining number cells of
// tables 三 and 四 (uniformly), and applies the error to the values.
TableMods plan_table_mods(uint64_t seed, const GenOptions& opt, const TableStyle& ts, Table3& t3, Table4& t4) {
  TableMods m;
  const size_t n3 = t3.spec.size() * 7;
  if (opt.unfilled_rate > 0) {
    Rng brng(mix_seed(seed, 0xB1A4C));
    if (brng.chance(opt.unfilled_rate)) {
      const auto k = static_cast<size_t>(brng.range(0, static_cast<int64_t>(n3) - 1));
      m.blank = true;
      m.blank_row = k / 7;
      m.blank_col = k % 7;
      const auto forms = blank_forms(ts, t3.spec[m.blank_row], m.blank_col);
      m.blank_text = brng.pick(forms);
    }
  }
  if (opt.table_error_rate > 0) {
    Rng erng(mix_seed(seed, 0xE4404));
    if (erng.chance(opt.table_error_rate)) {
      const size_t n = n3 + 15 - (m.blank ? 1 : 0);
      auto k = static_cast<size_t>(erng.range(0, static_cast<int64_t>(n) - 1));
      if (m.blank && k >= m.blank_row * 7 + m.blank_col) ++k;  // the unfilled cell holds no number
      m.error = true;
      m.error_t4 = k >= n3;
      if (m.error_t4) k -= n3;
      m.error_row = m.error_t4 ? k / 5 : k / 7;
      m.error_col = m.error_t4 ? k % 5 : k % 7;
      int64_t& v = m.error_t4 ? t4.groups[m.error_row][m.error_col] : t3.values[m.error_row][m.error_col];
      std::vector<int64_t> deltas;  // non-zero, in [-5, 5], keeping the count >= 0
      for (int64_t d = -5; d <= 5; ++d)
        if (d != 0 && v + d >= 0) deltas.push_back(d);
      m.delta = erng.pick(deltas);
      v += m.delta;
    }
  }
  return m;
}

// One invariant that fails on the printed numbers, with the cell it is reported at.
struct Broken {
  std::string rule;
  bool t4;
  size_t row, col;  // as in TableMods
};

// Table 三 cells that hold no number (unfilled, or a whole blank row): [spec row][column].
using UnknownCells = std::vector<std::array<bool, 7>>;

// Recomputes every invariant of REGULATION.md on the numbers as printed, skipping those that
// use an unfilled cell (they cannot be checked). The truth is whatever fails here, not what
// the injected change is expected to break.
std::vector<Broken> broken_invariants(const Table3& t, const Table4& t4, const UnknownCells& unknown) {
  std::vector<Broken> out;
  auto blank = [&](size_t r, size_t c) { return unknown[r][c]; };
  size_t r_new = 0, r_carry = 0, r_total = 0, r_out = 0;
  std::vector<size_t> results;
  for (size_t r = 0; r < t.spec.size(); ++r) {
    switch (t.spec[r].role) {
      case T3Role::new_: r_new = r; break;
      case T3Role::carry_in: r_carry = r; break;
      case T3Role::total: r_total = r; break;
      case T3Role::carry_out: r_out = r; break;
      case T3Role::result: results.push_back(r); break;
    }
  }
  const auto& v = t.values;
  for (size_t c = 0; c < 7; ++c) {
    if (!blank(r_new, c) && !blank(r_carry, c) && !blank(r_total, c) && !blank(r_out, c) &&
        v[r_new][c] + v[r_carry][c] != v[r_total][c] + v[r_out][c])
      out.push_back({"table.balance", false, r_out, c});
  }
  for (size_t c = 0; c < 7; ++c) {
    bool ok = !blank(r_total, c);
    int64_t sum = 0;
    for (size_t r : results) {
      ok = ok && !blank(r, c);
      sum += v[r][c];
    }
    if (ok && sum != v[r_total][c]) out.push_back({"table.results-total", false, r_total, c});
  }
  for (size_t r = 0; r < t.spec.size(); ++r) {
    bool ok = true;
    int64_t sum = 0;
    for (size_t c = 0; c < 7; ++c) ok = ok && !blank(r, c);
    for (size_t c = 0; c < 6; ++c) sum += v[r][c];
    if (ok && sum != v[r][6]) out.push_back({"table.row-total", false, r, 6});
  }
  for (size_t g = 0; g < 3; ++g) {
    const auto& grp = t4.groups[g];
    if (grp[0] + grp[1] + grp[2] + grp[3] != grp[4]) out.push_back({"table.review-total", true, g, 4});
  }
  return out;
}

// "（七）总计" → "总计", "一、本年新收…" → "本年新收…", "3.危及…" → "危及…".
std::string strip_numbering(std::string_view s) {
  if (s.rfind("（", 0) == 0) {
    const size_t e = s.find("）");
    if (e != std::string_view::npos && e <= 9) return std::string(s.substr(e + std::string_view("）").size()));
  }
  const size_t d = s.find("、");
  if (d != std::string_view::npos && d <= 6) return std::string(s.substr(d + std::string_view("、").size()));
  size_t i = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i > 0 && i < s.size() && s[i] == '.') return std::string(s.substr(i + 1));
  return std::string(s);
}

const std::array<std::string_view, 3> kT4Groups = {"行政复议", "未经复议直接起诉", "复议后起诉"};

// ---------------------------------------------------------------------------------------
// Crawl layout: changes to tables 三/四, each drawn from a stream of its own (never the text
// stream), so the report text around them is that of a pipe report with the same seed.
//
// A crawled row can only be read through its own total when its digits run together, so the
// changes are chosen to keep every row's total true (an arithmetic error moves one applicant
// cell and the row's 总计 together) or to leave no reading at all (a dropped cell), never to
// leave a reader a choice between readings.

struct CrawlMods {
  bool drop = false;     // one cell left out of a row: that table is unreadable
  bool drop_t4 = false;  // false: table 三 (drop_row = spec row, drop_col 0..6); true: 四 (drop_col 0..14)
  size_t drop_row = 0, drop_col = 0;
  std::vector<size_t> blank_rows;  // table 三 spec rows left blank whole, ascending
  bool slash = false;              // one table-三 cell written "/" (its row is blank-separated)
  size_t slash_row = 0, slash_col = 0;
  bool error = false;  // table 三: cell (error_row, error_col) and (error_row, 总计) moved by delta
  size_t error_row = 0, error_col = 0;
  int64_t delta = 0;
};

std::string t3_row_digits(const Table3& t, size_t r, int skip_col) {
  std::string d;
  for (size_t c = 0; c < 7; ++c)
    if (static_cast<int>(c) != skip_col) d += std::to_string(t.values[r][c]);
  return d;
}

std::string t4_row_digits(const Table4& t, int skip_col) {
  std::string d;
  for (size_t k = 0; k < 15; ++k)
    if (static_cast<int>(k) != skip_col) d += std::to_string(t.groups[k / 5][k % 5]);
  return d;
}

CrawlMods plan_crawl_mods(uint64_t seed, const GenOptions& opt, Table3& t3, const Table4& t4) {
  CrawlMods m;
  const size_t nrows = t3.spec.size();
  if (opt.dropped_cell_rate > 0) {
    Rng drop(mix_seed(seed, 0xC4D40));
    if (drop.chance(opt.dropped_cell_rate)) {
      const bool in_t4 = drop.chance(0.25);
      std::vector<std::pair<size_t, size_t>> cand;  // (row, col)
      if (in_t4) {
        for (size_t k = 0; k < 15; ++k) cand.emplace_back(0, k);
      } else {
        for (size_t r = 0; r < nrows; ++r)
          for (size_t c = 0; c < 7; ++c) cand.emplace_back(r, c);
      }
      drop.shuffle(cand);
      // The first candidate whose damaged row admits no split at all: then "unreadable" is
      // the only right answer, whatever reading rules a linter uses.
      for (const auto& [r, c] : cand) {
        const bool none = in_t4 ? crawl_split_count(t4_row_digits(t4, static_cast<int>(c)), 3, 5, 1) == 0
                                : crawl_split_count(t3_row_digits(t3, r, static_cast<int>(c)), 1, 7, 1) == 0;
        if (!none) continue;
        m.drop = true;
        m.drop_t4 = in_t4;
        m.drop_row = r;
        m.drop_col = c;
        break;
      }
    }
  }
  // An unreadable table is reported once and not checked further, so it gets no other change
  // (a blank or a sum error there would only make the expected outcome depend on that rule).
  const bool t3_free = !(m.drop && !m.drop_t4);
  if (t3_free && opt.unfilled_rate > 0) {
    Rng blank(mix_seed(seed, 0xC4B1A));
    if (blank.chance(opt.unfilled_rate)) {
      const double u = blank.unit();
      const bool rows = u < 0.75, slash = u >= 0.5;  // rows only 50%, both 25%, "/" only 25%
      if (rows) {
        // Real reports leave blank the rows where nothing happened; any row does if too
        // few are all zero. Never the last row: a blank row is told by the label after it.
        const int want = blank.irange(1, 3);
        std::vector<size_t> zero, any;
        for (size_t r = 0; r + 1 < nrows; ++r) {
          any.push_back(r);
          bool z = true;
          for (size_t c = 0; c < 7; ++c) z = z && t3.values[r][c] == 0;
          if (z) zero.push_back(r);
        }
        std::vector<size_t>& from = static_cast<int>(zero.size()) >= want ? zero : any;
        blank.shuffle(from);
        m.blank_rows.assign(from.begin(), from.begin() + want);
        std::sort(m.blank_rows.begin(), m.blank_rows.end());
      }
      if (slash) {
        std::vector<size_t> rows_left;
        for (size_t r = 0; r < nrows; ++r)
          if (!std::binary_search(m.blank_rows.begin(), m.blank_rows.end(), r)) rows_left.push_back(r);
        m.slash = true;
        m.slash_row = blank.pick(rows_left);
        m.slash_col = static_cast<size_t>(blank.irange(0, 6));
      }
    }
  }
  if (t3_free && opt.table_error_rate > 0) {
    Rng err(mix_seed(seed, 0xC4E44));
    if (err.chance(opt.table_error_rate)) {
      std::vector<size_t> rows_ok;
      for (size_t r = 0; r < nrows; ++r)
        if (!std::binary_search(m.blank_rows.begin(), m.blank_rows.end(), r) && !(m.slash && m.slash_row == r))
          rows_ok.push_back(r);
      m.error = true;
      m.error_row = err.pick(rows_ok);
      m.error_col = static_cast<size_t>(err.irange(0, 5));
      auto& row = t3.values[m.error_row];
      std::vector<int64_t> deltas;  // non-zero, in [-5, 5], keeping the count >= 0 (总计 >= the cell)
      for (int64_t d = -5; d <= 5; ++d)
        if (d != 0 && row[m.error_col] + d >= 0) deltas.push_back(d);
      m.delta = err.pick(deltas);
      row[m.error_col] += m.delta;
      row[6] += m.delta;  // the row's own total still holds: only the column sums break
    }
  }
  return m;
}

// ---------------------------------------------------------------------------------------
// Document model.

enum class BlockKind { paragraph, subheading, item, table };
// A position in a paragraph's text where a content defect's truth is (plan_content): the renderer
// turns it into a line and column.
struct Mark {
  int truth;      // index in ContentPlan::truths
  size_t offset;  // byte offset in Block::text
};
struct Block {
  BlockKind kind;
  std::string text;  // paragraph, or heading title + "。" + prose (number added at render)
  TableGrid table;
  std::vector<Mark> marks = {};  // paragraphs only
  bool content = false;          // a content sentence, or prose a content defect changed
};

struct Section {
  std::string key;         // canonical content name (defect details)
  std::string title;       // as printed after the number
  bool required = true;    // false: 概述, split-off 下步工作计划
  bool movable = true;     // may be dropped or swapped by defects
  int content_index = -1;  // index in the regime's required list; adjacency for swaps
  std::vector<Block> blocks;
  std::vector<Topic> topics;  // where extra prose for this section comes from (size top-up)
  int repeat_sub = -1;        // sub-heading index that reuses the previous number (defect)
  int id = 0;                 // stable identity across drops/swaps
  int64_t size_skew = 0;      // bytes its prose gained from a table error's figures (Ctx::size_skew)
};

// Size as it would be without table errors and unfilled cells (the skews are subtracted):
// this size decides how much prose top_up() adds, i.e. how far the text RNG runs, so a
// changed digit must not move it or everything drawn afterwards (style, signature…) changes.
size_t approx_bytes(const Section& s) {
  size_t n = s.title.size() + 8;
  int64_t skew = s.size_skew;
  for (const auto& b : s.blocks) {
    n += b.text.size() + 8;
    for (const auto& r : b.table.rows)
      for (const auto& c : r.cells) n += c.size() + 3;
    skew += b.table.size_skew;
  }
  return static_cast<size_t>(static_cast<int64_t>(n) - skew);
}

struct Document {
  std::vector<std::string> pre_title;  // agency line
  std::string title;
  std::vector<std::string> intro;  // paragraphs; the period sentence is in intro[period_para]
  size_t period_para = 0;
  std::string period_template;               // kPeriodSentences entry, expanded at render
  std::string period_prefix, period_suffix;  // rest of that paragraph
  std::vector<Section> sections;
  std::vector<std::string> signature;
  int skip_at = -1;  // level-1 index from which numbers are shifted by one (defect)
};

struct Style {
  std::string indent;    // prefix of prose lines
  bool indent_headings;  // headings indented like prose (seed 000/004 style)
  bool blank_between;    // blank line between blocks
  bool ascii_parens;     // (一) instead of （一）
  TableStyle table;      // layout of tables 二/三/四
};

class Builder {
 public:
  Builder(Rng& rng, Regime regime, Ctx& ctx) : rng_(rng), regime_(regime), ctx_(ctx), picker_(rng) {}

  std::string sentences(Topic t, int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += expand(picker_.draw(t), ctx_, rng_);
    return s;
  }
  std::string sentences_mixed(const std::vector<Topic>& topics, int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += expand(picker_.draw(rng_.pick(topics)), ctx_, rng_);
    return s;
  }
  std::string numbered_clauses(std::string_view lead, const StrList& pool, int n) {
    std::vector<size_t> idx(pool.size());
    for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
    rng_.shuffle(idx);
    std::string s = expand(lead, ctx_, rng_);
    for (int i = 0; i < n && i < static_cast<int>(idx.size()); ++i) {
      s += cn_number(i + 1) + "是" + std::string(pool[idx[static_cast<size_t>(i)]]);
      s += (i + 1 == n) ? "。" : "；";
    }
    return s;
  }

  static Block para(std::string text) { return {BlockKind::paragraph, std::move(text), {}}; }
  static Block sub(std::string_view title, const std::string& prose) {
    return {BlockKind::subheading, std::string(title) + "。" + prose, {}};
  }

  // Picks 1..max_n titles from `pool` keeping their order (real reports keep the
  // conventional order of sub-topics).
  std::vector<std::string_view> pick_ordered(const StrList& pool, int min_n, int max_n) {
    const int n = std::min<int>(rng_.irange(min_n, max_n), static_cast<int>(pool.size()));
    std::vector<size_t> idx(pool.size());
    for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
    rng_.shuffle(idx);
    idx.resize(static_cast<size_t>(n));
    std::sort(idx.begin(), idx.end());
    std::vector<std::string_view> out;
    for (size_t i : idx) out.push_back(pool[i]);
    return out;
  }

  // Prose after a sub-heading: 2–5 sentences, sometimes one more paragraph.
  void add_sub(Section& s, std::string_view title, const std::vector<Topic>& topics) {
    s.blocks.push_back(sub(title, sentences_mixed(topics, rng_.irange(2, 5))));
    if (rng_.chance(0.5)) s.blocks.push_back(para(sentences_mixed(topics, rng_.irange(2, 4))));
  }
  void maybe_items(Section& s) {
    if (!rng_.chance(0.5)) return;
    const auto titles = pick_ordered(kItemTitles, 2, 4);
    for (auto t : titles) {
      const size_t k = static_cast<size_t>(std::find(kItemTitles.begin(), kItemTitles.end(), t) - kItemTitles.begin());
      s.blocks.push_back({BlockKind::item, std::string(t) + "。" + expand(kItemSentences[k], ctx_, rng_), {}});
    }
  }
  // Two draws in one call's arguments are unsequenced, and compilers order them differently
  // (GCC right to left, Clang left to right), so each draw is its own statement, in the
  // order GCC used when these were written as one call (the corpus bytes stay the same).
  void add_problem_subs(Section& s, bool with_problems, bool with_improve) {
    if (with_problems) {
      const int n = rng_.irange(2, 4);
      const std::string_view lead = rng_.pick(kProblemLeads);
      s.blocks.push_back(sub("存在的主要问题", numbered_clauses(lead, kProblemClauses, n)));
    }
    if (with_improve) {
      const int n = rng_.irange(2, 4);
      const std::string_view lead = rng_.pick(kImproveLeads);
      s.blocks.push_back(sub("改进措施", numbered_clauses(lead, kImproveClauses, n)));
      if (rng_.chance(0.6)) s.blocks.push_back(sub("下一步工作打算", expand(rng_.pick(kPlanSentences), ctx_, rng_)));
    }
  }

  Section section(const SectionSpec& spec, int content_index, bool required = true) {
    Section s;
    s.key = std::string(spec.key);
    // Canonical title most of the time, real variants otherwise.
    s.title = std::string(rng_.chance(0.6) ? spec.titles.front() : rng_.pick(spec.titles));
    s.required = required;
    s.content_index = content_index;
    return s;
  }

  std::vector<Section> sections_2007() {
    std::vector<Section> out;
    if (rng_.chance(0.8)) {
      Section s = section(kOverview2007, -1, false);
      s.movable = false;
      s.topics = {kGeneral, kOversight, kManage};
      s.blocks.push_back(para(sentences(kGeneral, rng_.irange(2, 3))));
      for (auto t : pick_ordered(kOverviewSubs, 1, 3)) add_sub(s, t, {kGeneral, kOversight, kManage});
      out.push_back(std::move(s));
    }
    for (int i = 0; i < static_cast<int>(kRequired2007.size()); ++i) {
      Section s = section(kRequired2007[static_cast<size_t>(i)], i);
      static const std::array<std::vector<Topic>, 6> topics = {
          {{kActive, kPlatform}, {kRequest}, {kFees}, {kReview}, {}, {kOther, kOversight}}};
      s.topics = topics[static_cast<size_t>(i)];
      switch (i) {
        case 0:
          if (rng_.chance(0.5)) s.blocks.push_back(para(sentences(kActive, rng_.irange(1, 2))));
          for (auto t : pick_ordered(kActiveSubs2007, 1, 3)) {
            add_sub(s, t, {kActive, kPlatform});
            if (t == "主动公开信息形式") maybe_items(s);
          }
          break;
        case 1:
          for (auto t : pick_ordered(kRequestSubs2007, 1, 3)) add_sub(s, t, {kRequest2007, kRequest});
          break;
        case 2:
          for (auto t : pick_ordered(kFeesSubs2007, 1, 2))
            s.blocks.push_back(sub(t, sentences(kFees, rng_.irange(1, 2))));
          break;
        case 3:
          for (auto t : pick_ordered(kReviewSubs2007, 1, 2)) {
            const std::string fact = s.blocks.empty() ? expand(rng_.pick(kReviewFacts2007), ctx_, rng_) : std::string();
            s.blocks.push_back(sub(t, fact + sentences(kReview, rng_.irange(1, 3))));
          }
          break;
        case 4: add_problem_subs(s, true, true); break;
        case 5:
          for (auto t : pick_ordered(kOtherSubs2007, 1, 3)) add_sub(s, t, {kOther, kOversight});
          break;
        default: break;
      }
      out.push_back(std::move(s));
    }
    return out;
  }

  std::vector<Section> sections_2019(const TableGrid& t2, const TableGrid& t3, const TableGrid& t4) {
    const bool f2021 = regime_ == Regime::gov2021;
    std::vector<Section> out;
    // 一、总体情况: the usual five sub-heads (REGULATION.md); 监督保障 always, because
    // 30号 expects 考核/社会评议/责任追究 there.
    {
      Section s = section(kRequired2019[0], 0);
      s.topics = {kGeneral, kManage, kPlatform, kOversight};
      s.blocks.push_back(para(sentences(kGeneral, rng_.irange(1, 3))));
      std::vector<std::pair<std::string_view, Topic>> subs = {{"主动公开", kActive}, {"依申请公开", kRequest}};
      if (rng_.chance(0.7)) subs.push_back({"政府信息管理", kManage});
      if (rng_.chance(0.7)) subs.push_back({"平台建设", kPlatform});
      for (auto& [title, topic] : subs) {
        std::string prose;
        if (topic == kRequest && rng_.chance(0.6))
          prose =
              expand("{Y}年，{we}共收到政府信息公开申请{new}件，上年结转{carry}件，其中予以公开{pub}件。", ctx_, rng_);
        prose += sentences(topic, rng_.irange(2, 3));
        s.blocks.push_back(sub(title, prose));
        if (title == "平台建设")
          maybe_items(s);
        else if (rng_.chance(0.3))
          s.blocks.push_back(para(sentences(topic, 2)));
      }
      std::string oversight;
      for (size_t i = 0; i < 3; ++i) {
        oversight += expand(topic_pool(kOversight)[i], ctx_, rng_);
        picker_.consume(kOversight, i);
      }
      s.blocks.push_back(sub("监督保障", oversight));
      seal(out, std::move(s));
    }
    {
      Section s = section(kRequired2019[1], 1);
      s.topics = {kActive};
      if (rng_.chance(0.8)) s.blocks.push_back(para(sentences(kActive, rng_.irange(2, 4))));
      s.blocks.push_back({BlockKind::table, {}, t2});
      seal(out, std::move(s));
    }
    {
      Section s = section(kRequired2019[2], 2);
      s.topics = {kRequest};
      if (rng_.chance(0.6)) {
        std::string p =
            expand("{we}本年新收政府信息公开申请{new}件，上年结转{carry}件，结转下年度继续办理{out}件。", ctx_, rng_);
        s.blocks.push_back(para(p + sentences(kRequest, rng_.irange(1, 3))));
      }
      s.blocks.push_back({BlockKind::table, {}, t3});
      seal(out, std::move(s));
    }
    {
      Section s = section(kRequired2019[3], 3);
      s.topics = {kReview};
      if (rng_.chance(0.6)) {
        std::string p = expand("{Y}年，{we}发生政府信息公开行政复议{rev}件，行政诉讼{lit}件。", ctx_, rng_);
        s.blocks.push_back(para(p + sentences(kReview, rng_.irange(1, 2))));
      }
      s.blocks.push_back({BlockKind::table, {}, t4});
      seal(out, std::move(s));
    }
    if (rng_.chance(0.1)) {
      // Seed 001 variant: 五、存在的问题 + 六、下步工作计划, 其他 renumbered to 七.
      // The split pair stays put (no drop/swap) so truth stays unambiguous.
      Section p = section({kRequired2019[4].key, {"存在的问题"}}, 4);
      p.movable = false;
      add_problem_subs(p, true, false);
      seal(out, std::move(p));
      Section plan = section({"下步工作计划", {"下步工作计划"}}, -1, false);
      plan.movable = false;
      add_problem_subs(plan, false, true);
      seal(out, std::move(plan));
    } else {
      Section s = section(kRequired2019[4], 4);
      add_problem_subs(s, true, true);
      seal(out, std::move(s));
    }
    {
      Section s = section(kRequired2019[5], 5);
      s.topics = {kOther};
      for (auto t : pick_ordered(kOtherSubs2019, 1, 3)) {
        if (t == "信息处理费收取情况") {
          s.blocks.push_back(
              sub(t, expand(f2021 ? "{Y}年，{we}未收取信息处理费。" : "{Y}年，{we}在政府信息公开工作中未收取任何费用。",
                            ctx_, rng_)));
        } else {
          add_sub(s, t, {kOther});
        }
      }
      seal(out, std::move(s));
    }
    return out;
  }

  // Appends a finished section and charges it the prose size skew accumulated since the
  // previous one (only sections_2019 quotes table figures).
  void seal(std::vector<Section>& out, Section s) {
    s.size_skew = ctx_.size_skew - skew_mark_;
    skew_mark_ = ctx_.size_skew;
    out.push_back(std::move(s));
  }

  // Real reports range from a few KB to a few tens of KB; the sections above give the
  // skeleton, then prose paragraphs are appended to random sections until the report
  // reaches a per-report target size (so corpus size is controlled, not accidental).
  void top_up(std::vector<Section>& secs, size_t target, size_t current) {
    std::vector<size_t> cand;
    for (size_t i = 0; i < secs.size(); ++i)
      if (!secs[i].topics.empty()) cand.push_back(i);
    while (current < target && !cand.empty()) {
      Section& s = secs[rng_.pick(cand)];
      Block b = para(sentences_mixed(s.topics, rng_.irange(2, 4)));
      current += b.text.size() + 8;
      s.blocks.push_back(std::move(b));
    }
  }

 private:
  Rng& rng_;
  Regime regime_;
  Ctx& ctx_;
  SentencePicker picker_;
  int64_t skew_mark_ = 0;
};

// ---------------------------------------------------------------------------------------
// Rendering with line bookkeeping.

// Records where a paragraph's marks are, keeping per truth the first position in document order.
// `col0` is the column of the paragraph's first character (>= 1: column 0 is "not yet seen").
void note_marks(const Block& b, int line, int col0, std::vector<CellPos>& out) {
  for (const Mark& m : b.marks) {
    const auto t = static_cast<size_t>(m.truth);
    if (out.size() <= t) out.resize(t + 1);
    const CellPos p{line, col0 + cp_len(std::string_view(b.text).substr(0, m.offset))};
    if (out[t].column == 0 || std::tie(p.line, p.column) < std::tie(out[t].line, out[t].column)) out[t] = p;
  }
}

struct Rendered {
  std::vector<std::string> lines;
  std::vector<int> heading_line;            // per section index, 1-based
  std::vector<std::vector<int>> sub_lines;  // per section, per sub-heading
  int period_line = 0;
  std::vector<CellPos> marks;  // per content truth (ContentPlan), its first mark
  // Cell positions of every rendered table, by TableGrid::name (a table whose section was
  // dropped by section.missing is absent).
  std::vector<std::pair<std::string, GridPos>> tables;
};

Rendered render(const Document& d, const Style& st, const Ctx& ctx, int period_year, Rng& rng) {
  Rendered r;
  auto push = [&](std::string s) {
    r.lines.push_back(std::move(s));
    return static_cast<int>(r.lines.size());
  };
  auto blank = [&] {
    if (st.blank_between) push("");
  };
  const std::string hindent = st.indent_headings ? st.indent : "";
  const std::string lp = st.ascii_parens ? "(" : "（";
  const std::string rp = st.ascii_parens ? ")" : "）";

  for (const auto& l : d.pre_title) {
    push(l);
    push("");
  }
  push(d.title);
  push("");
  for (size_t i = 0; i < d.intro.size(); ++i) {
    if (i == d.period_para) {
      r.period_line =
          push(st.indent + d.period_prefix + expand(d.period_template, ctx, rng, period_year) + d.period_suffix);
    } else {
      push(st.indent + d.intro[i]);
    }
    blank();
  }
  for (size_t si = 0; si < d.sections.size(); ++si) {
    const Section& s = d.sections[si];
    const int num = static_cast<int>(si) + 1 + ((d.skip_at >= 0 && static_cast<int>(si) >= d.skip_at) ? 1 : 0);
    r.heading_line.push_back(push(hindent + cn_number(num) + "、" + s.title));
    r.sub_lines.emplace_back();
    blank();
    int sub_idx = 0, sub_num = 0, item_num = 0;
    for (const auto& b : s.blocks) {
      switch (b.kind) {
        case BlockKind::paragraph: note_marks(b, push(st.indent + b.text), cp_len(st.indent) + 1, r.marks); break;
        case BlockKind::subheading:
          sub_num = (sub_idx == s.repeat_sub) ? sub_num : sub_num + 1;
          r.sub_lines.back().push_back(push(hindent + lp + cn_number(sub_num) + rp + b.text));
          ++sub_idx;
          item_num = 0;
          break;
        case BlockKind::item: push(st.indent + std::to_string(++item_num) + "." + b.text); break;
        case BlockKind::table: r.tables.emplace_back(b.table.name, render_table(b.table, st.table, r.lines)); break;
      }
      blank();
    }
  }
  if (!d.signature.empty()) {
    if (!st.blank_between) push("");
    for (const auto& l : d.signature) push(l);
  }
  while (!r.lines.empty() && r.lines.back().empty()) r.lines.pop_back();
  return r;
}

// ---------------------------------------------------------------------------------------
// Crawl layout rendering: the page as a crawler saves it (see corpus-dev/ for real ones). An
// optional header block of `标题:`… lines, then ONE line: breadcrumb, title and share buttons,
// the report with every heading glued to the text before it and the tables flattened row by
// row, the signature, and footer buttons. Every choice here comes from `crng`, a stream of its
// own, so the report inside the page is the text of a pipe report with the same seed.

// The page's one line under construction; columns are 1-based, in code points.
class PageLine {
 public:
  int col() const { return cps_ + 1; }
  int put(std::string_view s) {
    const int c = col();
    text_ += s;
    cps_ += cp_len(s);
    return c;
  }
  const std::string& text() const { return text_; }
  // True when the line ends with "。" after an ideograph that is not a numeral, so dropping the
  // full stop glues a following heading to a Chinese character without making a new number
  // ("…第一" + "二、" would read as a heading numbered 一二).
  bool full_stop_droppable() const {
    static constexpr std::string_view kStop = "。";
    static constexpr std::string_view kNumerals = "零一二三四五六七八九十百千万两";
    if (text_.size() < kStop.size() || text_.compare(text_.size() - kStop.size(), kStop.size(), kStop) != 0)
      return false;
    size_t i = text_.size() - kStop.size();
    if (i == 0) return false;
    size_t start = i - 1;
    while (start > 0 && (static_cast<unsigned char>(text_[start]) & 0xC0) == 0x80) --start;
    const std::string_view prev(text_.data() + start, i - start);
    size_t k = 0;
    const char32_t c = decode_utf8(prev, k);
    return is_ideograph(c) && kNumerals.find(prev) == std::string_view::npos;
  }
  void drop_full_stop() {
    text_.resize(text_.size() - std::string_view("。").size());
    --cps_;
  }

 private:
  std::string text_;
  int cps_ = 0;
};

struct CrawlPage {
  std::vector<std::string> header;  // header block lines, the "==== 正文 ====" line included; may be empty
  std::string body;
  std::vector<int> heading_col;            // per section: its number marker
  std::vector<std::vector<int>> sub_cols;  // per section, per sub-heading
  int period_end_col = 0;                  // first digit of the 统计期限's end year
  int period_col = 0;                      // 统计 (期限, 日期 …) in the period sentence
  std::vector<CellPos> marks;              // per content truth, its first mark (line unused: 0)
  int end_col = 0;                         // just past the report's last character (before the footer)
  std::vector<CrawlRow> rows;              // tables 三 and 四 in document order (line filled in later)
  int t3_first = -1;                       // index in rows of table 三's first spec row, -1: not rendered
  int t4_row = -1;                         // index in rows of table 四's row, -1: not rendered
};

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

CrawlPage render_crawl(const Document& d, const Style& st, const Ctx& ctx, int period_year, Rng& rng, Rng& crng,
                       const CrawlMods& m, const Table3& t3) {
  CrawlPage pg;
  PageLine page;
  const std::string lp = st.ascii_parens ? "(" : "（";
  const std::string rp = st.ascii_parens ? ")" : "）";

  // Publication time: early in the next year, as annual reports are published.
  char stamp[32];
  {
    const int month = crng.irange(1, 3);
    const int day = crng.irange(1, 28);
    const int hour = crng.irange(8, 18);
    const int minute = crng.irange(0, 59);
    std::snprintf(stamp, sizeof stamp, "%04d-%02d-%02d %02d:%02d", ctx.year + 1, month, day, hour, minute);
  }
  if (crng.chance(0.85)) {
    static const std::vector<std::string_view> kHosts = {"www.qingyang.gov.cn",  "www.linchuan.gov.cn",
                                                         "www.jiangzhou.gov.cn", "www.baishui.gov.cn",
                                                         "www.pingyang.gov.cn",  "www.songyang.gov.cn"};
    const std::string host(crng.pick(kHosts));
    const std::string ym = std::string(stamp, 4) + std::string(stamp + 5, 2);
    const std::string ymd = ym + std::string(stamp + 8, 2);
    const std::string id = std::to_string(crng.irange(10000, 99999));
    const std::string url = "https://" + host + "/zwgk/zfxxgk/zfxxgknb/" + ym + "/t" + ymd + "_" + id + ".htm";
    pg.header.push_back("标题: " + d.title);
    pg.header.push_back(std::string("发布时间: ") + stamp);
    if (crng.chance(0.7)) {  // the full block of the crawler behind corpus-dev; else a short one
      pg.header.push_back("文号: ");
      pg.header.push_back("发布机构: ");
      pg.header.push_back("栏目: 政府信息公开年报");
      pg.header.push_back("原文链接: " + url);
      pg.header.push_back("本地目录: zwgk/zfxxgk/zfxxgknb/" + ym + "/" + id + "_" + d.title);
      pg.header.push_back("页面链接与图片详见 links.tsv(同目录)");
    } else {
      pg.header.push_back("原文链接: " + url);
    }
    pg.header.push_back("==================== 正文 ====================");
  }
  // Navigation chrome. "-->" is a comment end tag the crawler kept, as on the real pages.
  if (crng.chance(0.6))
    page.put("当前位置： 首页政务公开政府信息公开" + ctx.agency + "政府信息公开年报 ");
  else
    page.put("当前位置：首页 > 政务公开 > 政府信息公开年报 ");
  page.put(d.title);
  page.put(" 来源：" + (crng.chance(0.3) ? ctx.agency : std::string()) + " 时间：" + stamp +
           " --> 微信 微博 QQ空间 全真版 文字版 文件下载 相关链接： ");
  if (crng.chance(0.3)) page.put(d.title);  // some pages repeat the title at the top of the text

  bool after_table = false;
  // Appends report text. After a table a blank sometimes separates it (always before a digit,
  // which would otherwise join the last cell); a heading sometimes loses the full stop before it.
  auto text = [&](std::string_view s, bool heading) {
    if (after_table) {
      after_table = false;
      if ((!s.empty() && is_ascii_digit(s[0])) || crng.chance(0.25)) page.put(" ");
    } else if (heading && page.full_stop_droppable() && crng.chance(0.35)) {
      page.drop_full_stop();
    }
    return page.put(s);
  };
  // Puts a row's cells run together or with single blanks, optionally after a blank.
  auto cells = [&](CrawlRow& row, bool lead) {
    if (lead) page.put(" ");
    for (size_t i = 0; i < row.cells.size(); ++i) {
      if (i > 0 && !row.run_together) page.put(" ");
      row.cell_columns.push_back(page.put(row.cells[i]));
    }
  };
  auto table2 = [&](const TableGrid& g) {
    // No sums to tell cells apart: a row runs together only when every cell is one digit or
    // the row has one cell, i.e. when there is one reading whatever the numbers.
    const bool run = crng.chance(0.7);
    const bool lead = crng.chance(0.2);
    for (const TableRow& r : g.rows) {
      if (r.kind != RowKind::data) {
        for (const auto& c : r.cells) page.put(c);
        continue;
      }
      for (size_t i = 0; i < r.nlabel; ++i) page.put(r.cells[i]);
      bool one_digit = true;
      for (size_t i = r.nlabel; i < r.cells.size(); ++i)
        one_digit = one_digit && r.cells[i].size() == 1 && is_ascii_digit(r.cells[i][0]);
      CrawlRow row;
      row.cells.assign(r.cells.begin() + static_cast<std::ptrdiff_t>(r.nlabel), r.cells.end());
      row.run_together = run && (one_digit || row.cells.size() == 1);
      cells(row, lead);
    }
    after_table = true;
  };
  auto table3 = [&](const TableGrid& g) {
    const bool per_row = crng.chance(0.4);  // else one choice for the whole table
    const bool table_run = crng.chance(0.75);
    const bool lead = crng.chance(0.3);
    std::vector<size_t> spec_of(g.rows.size(), t3.spec.size());
    for (size_t sr = 0; sr < g.data_rows.size(); ++sr) spec_of[g.data_rows[sr]] = sr;
    pg.t3_first = static_cast<int>(pg.rows.size());
    for (size_t gi = 0; gi < g.rows.size(); ++gi) {
      const TableRow& r = g.rows[gi];
      if (r.kind != RowKind::data) {
        for (const auto& c : r.cells) page.put(c);
        continue;
      }
      const size_t sr = spec_of[gi];
      const bool want_run = per_row ? crng.chance(0.7) : table_run;
      CrawlRow row;
      row.table = "applications";
      row.label = strip_numbering(t3.spec[sr].label);
      for (size_t i = 0; i < r.nlabel; ++i) row.label_column = page.put(r.cells[i]);  // the last is the row's own
      row.label_end = page.col();
      row.blank = std::binary_search(m.blank_rows.begin(), m.blank_rows.end(), sr);
      if (!row.blank) {
        const bool has_slash = m.slash && m.slash_row == sr;
        std::string digits;
        for (size_t c = 0; c < 7; ++c) {
          if (m.drop && !m.drop_t4 && m.drop_row == sr && m.drop_col == c) {
            row.dropped = static_cast<int>(c);
            continue;
          }
          row.cells.push_back(has_slash && m.slash_col == c ? std::string("/") : r.cells[r.nlabel + c]);
          digits += row.cells.back();
        }
        // Run together only when the oracle finds exactly one split (a dropped row has none
        // by construction); otherwise the blanks keep the cells apart.
        row.run_together = want_run && !has_slash && (row.dropped >= 0 || crawl_split_count(digits, 1, 7) == 1);
        cells(row, lead);
      }
      pg.rows.push_back(std::move(row));
    }
    after_table = true;
  };
  auto table4 = [&](const TableGrid& g) {
    // Header words in the order of the page's HTML rows: 行政复议 行政诉讼, 复议's five column
    // words, 未经复议直接起诉 复议后起诉, then the ten column words of the two suits.
    const auto& cols = g.rows[2].cells;
    for (const auto& c : g.rows[0].cells) page.put(c);
    for (size_t i = 0; i < 5; ++i) page.put(cols[i]);
    for (const auto& c : g.rows[1].cells) page.put(c);
    for (size_t i = 5; i < cols.size(); ++i) page.put(cols[i]);
    const bool want_run = crng.chance(0.75);
    const bool lead = crng.chance(0.4);
    const TableRow& data = g.rows[g.data_rows[0]];
    CrawlRow row;
    row.table = "review";
    std::string digits;
    for (size_t k = 0; k < data.cells.size(); ++k) {
      if (m.drop && m.drop_t4 && m.drop_col == k) {
        row.dropped = static_cast<int>(k);
        continue;
      }
      row.cells.push_back(data.cells[k]);
      digits += data.cells[k];
    }
    row.run_together = want_run && (row.dropped >= 0 || crawl_split_count(digits, 3, 5) == 1);
    cells(row, lead);
    row.label_column = row.label_end = row.cell_columns.front();  // no label: the row starts at its first digit
    pg.t4_row = static_cast<int>(pg.rows.size());
    pg.rows.push_back(std::move(row));
    after_table = true;
  };

  for (size_t i = 0; i < d.intro.size(); ++i) {
    if (i == d.period_para) {
      text(d.period_prefix, false);
      const std::string ps = expand(d.period_template, ctx, rng, period_year);
      const int at = text(ps, false);
      // period.missing is reported at 统计期限 or 统计日期 (統計… once converted), not the sentence's start.
      size_t words = ps.find("统计");
      if (words == std::string::npos) words = ps.find("統計");
      pg.period_col = at + (words == std::string::npos ? 0 : cp_len(std::string_view(ps).substr(0, words)));
      // The end year is the last year of every period sentence.
      pg.period_end_col = at + cp_len(std::string_view(ps).substr(0, ps.rfind(std::to_string(period_year))));
      text(d.period_suffix, false);
    } else {
      text(d.intro[i], false);
    }
  }
  for (size_t si = 0; si < d.sections.size(); ++si) {
    const Section& s = d.sections[si];
    const int num = static_cast<int>(si) + 1 + ((d.skip_at >= 0 && static_cast<int>(si) >= d.skip_at) ? 1 : 0);
    pg.heading_col.push_back(text(cn_number(num) + "、" + s.title, true));
    pg.sub_cols.emplace_back();
    int sub_idx = 0, sub_num = 0, item_num = 0;
    for (const auto& b : s.blocks) {
      switch (b.kind) {
        case BlockKind::paragraph: note_marks(b, 0, text(b.text, false), pg.marks); break;
        case BlockKind::subheading:
          sub_num = (sub_idx == s.repeat_sub) ? sub_num : sub_num + 1;
          pg.sub_cols.back().push_back(text(lp + cn_number(sub_num) + rp + b.text, true));
          ++sub_idx;
          item_num = 0;
          break;
        case BlockKind::item: text(std::to_string(++item_num) + "." + b.text, false); break;
        case BlockKind::table:
          if (b.table.name == "二")
            table2(b.table);
          else if (b.table.name == "三")
            table3(b.table);
          else
            table4(b.table);
          break;
      }
    }
  }
  for (const auto& l : d.signature) {
    page.put(" ");
    page.put(l);
  }
  pg.end_col = page.col();
  static const std::vector<std::string_view> kFooters = {"", " 附件下载", " 打印本页 关闭窗口",
                                                         " 附件下载 打印本页 关闭窗口"};
  page.put(crng.pick(kFooters));
  pg.body = page.text();
  return pg;
}

// ---------------------------------------------------------------------------------------
// Simplified → traditional. Pairs of (simplified, traditional) characters covering every
// ideograph of the vocabulary above whose traditional form differs; built from OpenCC's
// per-character s2t mapping (with the Taiwan/HK forms 為 眾 簽 and unchanged 秘 群 that real
// reports use) and checked by unclassified_characters(). Where the traditional form depends
// on the word (复→復/複/覆, 制→制/製, 系→系/係/繫 …) one form is used throughout, as the
// character-level converters behind seeds 001/003 did; a linter's T→S fold covers both.
constexpr std::string_view kS2T =
    "万萬与與专專业業东東严嚴个個丰豐临臨为為举舉乐樂乡鄉书書于於云雲从從们們价價众眾"
    "优優会會传傳体體关關内內农農决決况況准準减減几幾凤鳳划劃则則别別办辦务務动動区區"
    "医醫华華协協单單卫衛厅廳历歷压壓县縣参參双雙发發变變台臺号號后後听聽员員咨諮围圍"
    "国國图圖场場坚堅处處备備复復够夠头頭宁寧实實审審宽寬对對导導将將层層属屬岭嶺带帶"
    "干幹并並广廣库庫应應废廢开開强強归歸当當录錄彻徹征徵径徑态態总總户戶托託执執扩擴"
    "护護报報担擔挥揮据據数數断斷无無时時机機杂雜权權条條来來极極构構标標栏欄样樣档檔"
    "桥橋检檢汇匯沟溝没沒测測济濟浏瀏满滿点點热熱献獻环環现現电電畅暢疗療监監盖蓋码碼"
    "础礎确確碍礙积積称稱稳穩签簽简簡类類紧緊纠糾级級纳納线線组組细細织織经經结結绕繞"
    "络絡统統继繼绩績续續维維编編缴繳网網罚罰职職联聯舆輿节節范範获獲营營衔銜补補见見"
    "规規视視览覽计計认認训訓议議记記许許讼訟设設访訪证證评評识識诉訴话話询詢说說请請"
    "读讀谁誰调調负負贡貢财財责責账賬质質购購贯貫费費资資转轉载載较較输輸辩辯达達迁遷"
    "过過运運还還这這进進远遠违違适適递遞邮郵采採释釋针針销銷镇鎮长長门門问問间間闻聞"
    "阅閱队隊阳陽阶階随隨隐隱难難项項顺順顾顧预預领領频頻题題额額馆館验驗鹤鶴齐齊龙龍"
    // the crawl layout's page chrome
    "详詳链鏈闭閉页頁"
    // the content sentences and the pinyin annotations of text.garbled
    "筹籌学學习習";
// Ideographs of the vocabulary that are written the same in both scripts.
constexpr std::string_view kSameInBoth =
    "一七三上下不中主之九也了予事二互五些交人仍他代以件任企伍估但位低住何作使例供依便"
    "促保信修做健元充先免入全八公六共其具典再凰出函分切列初判利到制前力功加助努勾化北"
    "十升南博印危即卷原去及反取受另只召可司各合同名向告和商善四回因困土在地均坪型城域"
    "培基境增外多大失好如委威媒子字存季安完定宣室家容寄密富小尚就局展山川州工差已市布"
    "席常平年序府度庭康延建式引弱形待律徐得微心志思急性息患情惠想意成我或房所手打批找"
    "承把抓投抽拆拓招持指按掌接推措提握搜收改放政效救教整文料新方施日早明是智更月有服"
    "期未本材村松板林果查柳核根格桃案梅梳概模次止正步武民水永求江河治泄泉法注活流海涉"
    "深清渠湖源溪焦然照版物率理生用由申留疑登白的益目直相看真督知石研示社禁秀私科秘程"
    "稽究空突立站章第等答策算管箱篇系索累置署群考聘聚育能自至致良草落薄融行街衡表被要"
    "覆解言走起超足身近述追送透逐途通造逾遇道邀部配醒重量金限院障集需青面革音高"
    "口片窗附首"  // the crawl layout's page chrome
    "占";         // the content sentences

char32_t decode_utf8(std::string_view s, size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  int len = (b0 >= 0xF0) ? 4 : (b0 >= 0xE0) ? 3 : 2;
  char32_t cp = b0 & (0x3F >> (len - 1));
  for (int k = 1; k < len && i + static_cast<size_t>(k) < s.size(); ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<size_t>(k)]) & 0x3F);
  i += static_cast<size_t>(len);
  return cp;
}

void encode_utf8(char32_t cp, std::string& out) {
  if (cp < 0x80)
    out += static_cast<char>(cp);
  else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::vector<char32_t> decode_all(std::string_view s) {
  std::vector<char32_t> v;
  for (size_t i = 0; i < s.size();) v.push_back(decode_utf8(s, i));
  return v;
}

using CharMap = std::vector<std::pair<char32_t, char32_t>>;

const CharMap& s2t_map() {
  // Immutable after first use (thread-safe static init); not mutable global state.
  static const CharMap map = [] {
    CharMap m;
    const auto cps = decode_all(kS2T);
    for (size_t i = 0; i + 1 < cps.size(); i += 2) m.emplace_back(cps[i], cps[i + 1]);
    std::sort(m.begin(), m.end());
    return m;
  }();
  return map;
}

bool is_ideograph(char32_t c) { return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF); }

// ---------------------------------------------------------------------------------------
// Defects.

struct DefectPlan {
  // Section ids, resolved to lines after rendering.
  int missing_target_id = -1;  // -1 with has_missing: last non-empty line
  bool has_missing = false;
  std::string missing_key;
  int order_first_id = -1;
  std::string order_detail;
  int skip_id = -1;
  std::string skip_detail;
  int repeat_section_id = -1;
  int repeat_sub = -1;
  std::string repeat_detail;
  bool year = false;
};

int index_of(const std::vector<Section>& v, int id) {
  for (size_t i = 0; i < v.size(); ++i)
    if (v[i].id == id) return static_cast<int>(i);
  return -1;
}

// Applies defects to the document structure. Each kind is drawn independently with
// probability `rate`; a kind that cannot be placed without touching a heading already
// used by another defect is skipped (and not recorded), so every recorded defect is
// the only anomaly at its line.
DefectPlan apply_defects(Document& d, Rng& rng, double rate) {
  DefectPlan p;
  std::set<int> touched;  // ids of sections whose level-1 heading is a defect target
  auto& secs = d.sections;
  const bool want_missing = rng.chance(rate);
  const bool want_order = rng.chance(rate);
  const bool want_skip = rng.chance(rate);
  const bool want_repeat = rng.chance(rate);
  const bool want_year = rng.chance(rate);

  if (want_missing) {
    std::vector<size_t> cand;
    for (size_t i = 0; i < secs.size(); ++i)
      if (secs[i].required && secs[i].movable) cand.push_back(i);
    if (!cand.empty()) {
      const size_t i = rng.pick(cand);
      p.has_missing = true;
      p.missing_key = secs[i].key;
      for (size_t j = i + 1; j < secs.size(); ++j) {
        if (secs[j].required) {
          p.missing_target_id = secs[j].id;
          break;
        }
      }
      if (p.missing_target_id >= 0) touched.insert(p.missing_target_id);
      secs.erase(secs.begin() + static_cast<std::ptrdiff_t>(i));
    }
  }
  if (want_order) {
    std::vector<size_t> cand;
    for (size_t i = 0; i + 1 < secs.size(); ++i) {
      const Section& a = secs[i];
      const Section& b = secs[i + 1];
      // Only neighbours in the template (not across a dropped section), both free.
      if (a.required && b.required && a.movable && b.movable && b.content_index == a.content_index + 1 &&
          !touched.count(a.id) && !touched.count(b.id))
        cand.push_back(i);
    }
    if (!cand.empty()) {
      const size_t i = rng.pick(cand);
      std::swap(secs[i], secs[i + 1]);
      p.order_first_id = secs[i].id;
      p.order_detail = secs[i].key + " before " + secs[i + 1].key;
      touched.insert(secs[i].id);
      touched.insert(secs[i + 1].id);
    }
  }
  if (want_skip && secs.size() >= 2) {
    std::vector<size_t> cand;
    for (size_t i = 1; i < secs.size(); ++i)
      if (!touched.count(secs[i].id)) cand.push_back(i);
    if (!cand.empty()) {
      const size_t i = rng.pick(cand);
      d.skip_at = static_cast<int>(i);
      p.skip_id = secs[i].id;
      const int expected = static_cast<int>(i) + 1;
      p.skip_detail = "skip: " + cn_number(expected - 1) + "、 then " + cn_number(expected + 1) + "、 (expected " +
                      cn_number(expected) + "、)";
      touched.insert(secs[i].id);
    }
  }
  if (want_repeat) {
    std::vector<size_t> cand;
    for (size_t i = 0; i < secs.size(); ++i) {
      int subs = 0;
      for (const auto& b : secs[i].blocks) subs += b.kind == BlockKind::subheading;
      if (subs >= 2) cand.push_back(i);
    }
    if (!cand.empty()) {
      Section& s = secs[rng.pick(cand)];
      int subs = 0;
      for (const auto& b : s.blocks) subs += b.kind == BlockKind::subheading;
      // The LAST sub-heading repeats, so no later sub-heading's number is ambiguous
      // (a checker comparing with "previous + 1" and one comparing with the index agree).
      s.repeat_sub = subs - 1;
      p.repeat_section_id = s.id;
      p.repeat_sub = subs - 1;
      p.repeat_detail = "repeat: （" + cn_number(subs - 1) + "） used twice in " + s.key;
    }
  }
  p.year = want_year;
  return p;
}

// ---------------------------------------------------------------------------------------
// Content sentences and content defects (GenOptions::content_sentences, content_defect_rate).
// Written into the finished document, after the structural defects and the last top-up, so the
// text stream is not touched: the sentences and their values come from a stream of their own and
// the defects from another, so a report that draws no content defect is byte-identical at any
// content_defect_rate. Each truth is a Mark in a paragraph (or the period sentence), turned into
// a line and column by the renderer.

// text.sum: lead + total + "条，其中" + 2–3 parts and the rest ("其他"), each "<name><n>条".
const StrList kSumLeads = {"本年度共主动公开政府信息", "{Y}年，{we}共主动公开政府信息"};
const StrList kSumParts = {"政策文件类", "人事信息类", "财政信息类", "公示公告类", "工作动态类", "规划计划类"};
const StrList kSumOthers = {"其他", "其他信息"};
// text.percent: {X} the base, {PART} the part, {PCT} the percentage. Topics no table and no
// sentence of the pools speaks of, so that no other figure of the report counts the same thing.
const StrList kPercentSentences = {
    "本年度共发布政务动态信息{X}条，其中通过政务新媒体发布{PART}条，占{PCT}%。",
    "全年共编发政务信息简报{X}期，其中被上级部门采用{PART}期，占{PCT}%。",
    "全年共开展政务公开宣传活动{X}场，其中进社区宣传{PART}场，占{PCT}%。",
    "全年共组织政务公开业务学习{X}次，其中专题学习{PART}次，占{PCT}%。",
};
constexpr std::array<std::array<int64_t, 2>, 4> kPercentBases = {{{40, 3000}, {6, 120}, {4, 60}, {4, 40}}};
// text.table: table 三's 本年新收 总计 in the applications section.
const StrList kReceivedSentences = {"本年度共收到政府信息公开申请{N}件。", "{Y}年，{we}共收到政府信息公开申请{N}件。"};
// period.missing: what stands in the 统计期限 sentence instead of its years.
const StrList kPeriodBlanks = {" ", "　　", "____"};
// text.garbled: characters a script converter annotated with their pinyin, tone marks included
// (text.garbled's pattern and gklint's reader both require one), and markup pasted with the text.
constexpr std::array<std::pair<std::string_view, std::string_view>, 32> kPinyin = {{
    {"据", "jù"},    {"统", "tǒng"}, {"筹", "chóu"},  {"公", "gōng"}, {"开", "kāi"},  {"政", "zhèng"}, {"府", "fǔ"},
    {"信", "xìn"},   {"息", "xī"},   {"务", "wù"},    {"依", "yī"},   {"法", "fǎ"},   {"规", "guī"},   {"范", "fàn"},
    {"强", "qiáng"}, {"化", "huà"},  {"推", "tuī"},   {"进", "jìn"},  {"落", "luò"},  {"实", "shí"},   {"监", "jiān"},
    {"督", "dū"},    {"提", "tí"},   {"升", "shēng"}, {"完", "wán"},  {"善", "shàn"}, {"建", "jiàn"},  {"设", "shè"},
    {"管", "guǎn"},  {"理", "lǐ"},   {"责", "zé"},    {"任", "rèn"},
}};
// text.duplicate: the words doubled when the paragraph has one (else any few characters are).
const StrList kDoubledWords = {"政府信息",   "信息公开", "主动公开", "政务公开",   "公开工作", "政务新媒体", "门户网站",
                               "规范性文件", "人民群众", "工作要点", "依申请公开", "政策解读", "重点领域",   "进一步",
                               "严格落实",   "政策文件", "有关规定", "意见建议",   "社会公众", "新闻发布会", "责任单位",
                               "监督检查",   "法治政府", "答复文书", "公开指南"};
const StrList kMarkupEnd = {"<o:p></o:p>", "<br />", "<br>"};
const StrList kMarkupLead = {"&nbsp;&nbsp;", "&nbsp;"};

// What the content sentences need to know of tables 三 and 四 (2019/2021).
struct ContentTables {
  bool present = false;
  int64_t received = 0;        // table 三 本年新收 总计 as printed
  bool received_read = false;  // that cell is printed as a number in a table gklint can read
  bool all_zero = false;       // every number of tables 三 and 四 is 0 (table.all-zero would join in)
};

struct ContentTruth {
  std::string rule, detail;
  bool period = false;  // at the 统计期限 sentence rather than at a mark
};
struct ContentPlan {
  std::vector<ContentTruth> truths;  // Mark::truth indexes this
};

int section_index(const Document& d, std::string_view key) {
  for (size_t i = 0; i < d.sections.size(); ++i)
    if (d.sections[i].key == key) return static_cast<int>(i);
  return -1;
}

// Replaces the first "{key}" of `s` with `v`; returns where `v` starts.
size_t put(std::string& s, std::string_view key, const std::string& v) {
  const std::string k = "{" + std::string(key) + "}";
  const size_t at = s.find(k);
  s.replace(at, k.size(), v);
  return at;
}

std::string tenths_text(int64_t tenths, bool integer) {
  return integer ? std::to_string(tenths / 10) : std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}

// The ideographs of a paragraph in runs (what text.duplicate compares): code points and the byte
// offset of each, the run's end last.
struct HanRun {
  std::vector<char32_t> cps;
  std::vector<size_t> at;
};
std::vector<HanRun> han_runs(std::string_view s) {
  std::vector<HanRun> runs;
  bool in = false;
  for (size_t i = 0; i < s.size();) {
    const size_t begin = i;
    const char32_t c = decode_utf8(s, i);
    if (is_ideograph(c)) {
      if (!in) runs.emplace_back();
      in = true;
      runs.back().cps.push_back(c);
      runs.back().at.push_back(begin);
    } else if (in) {
      runs.back().at.push_back(begin);
      in = false;
    }
  }
  if (in) runs.back().at.push_back(s.size());
  return runs;
}

// Where text.duplicate's phrase scan finds a doubling in one run of ideographs, as its doc and
// params (phrase_min 3, phrase_max 8) describe it: at each position the longest doubled phrase,
// then on past the doubling. Written for the generator (not shared with gklint): it decides where
// an injected doubling is the only one and starts where the phrase does.
std::vector<size_t> doublings(const std::vector<char32_t>& run) {
  constexpr size_t kMin = 3, kMax = 8;
  std::vector<size_t> out;
  const size_t n = run.size();
  for (size_t i = 0; i + 2 * kMin <= n;) {
    size_t len = std::min(kMax, (n - i) / 2);
    const auto at = [&](size_t k) { return run.begin() + static_cast<std::ptrdiff_t>(k); };
    while (len >= kMin && !std::equal(at(i), at(i + len), at(i + len))) --len;
    if (len < kMin) {
      ++i;
      continue;
    }
    out.push_back(i);
    i += 2 * len;
  }
  return out;
}

// Doubles a phrase in place in `b`'s text, where it is the only doubling of its run and found
// where it starts: one of kDoubledWords when the paragraph has one, else any `len` ideographs. A
// run that starts the paragraph may be glued to the text before it (crawl layout), so there the
// phrase starts 2 × phrase_max characters in. Returns the byte offset of the phrase, or npos when
// no place fits.
size_t double_phrase(Block& b, Rng& rng, size_t len, std::string* phrase) {
  const std::vector<HanRun> runs = han_runs(b.text);
  std::vector<std::tuple<size_t, size_t, size_t>> words, any;  // (run, start, length)
  for (size_t k = 0; k < runs.size(); ++k) {
    const HanRun& r = runs[k];
    const size_t from = r.at[0] == 0 ? 16 : 0;
    for (size_t j = from; j < r.cps.size(); ++j) {
      if (r.cps[j] == U'一') continue;  // 一项一项 and the like are words (text.duplicate's allow)
      if (j + len <= r.cps.size()) any.emplace_back(k, j, len);
      for (std::string_view w : kDoubledWords) {
        const auto n = static_cast<size_t>(cp_len(w));
        if (j + n <= r.cps.size() && std::string_view(b.text).substr(r.at[j], r.at[j + n] - r.at[j]) == w)
          words.emplace_back(k, j, n);
      }
    }
  }
  rng.shuffle(words);
  rng.shuffle(any);
  words.insert(words.end(), any.begin(), any.end());
  for (const auto& [k, j, n] : words) {
    const HanRun& r = runs[k];
    std::vector<char32_t> run(r.cps.begin(), r.cps.begin() + static_cast<std::ptrdiff_t>(j + n));
    run.insert(run.end(), r.cps.begin() + static_cast<std::ptrdiff_t>(j), r.cps.end());
    if (doublings(run) != std::vector<size_t>{j}) continue;
    const size_t b0 = r.at[j], b1 = r.at[j + n];
    *phrase = b.text.substr(b0, b1 - b0);
    b.text.insert(b1, *phrase);
    return b0;
  }
  return std::string::npos;
}

// Annotates 2–6 characters of `b` with their pinyin as a broken converter does (据(jù)); returns
// the offset of the first annotated character and sets `count`, or npos when fewer than two of
// its characters are in kPinyin.
size_t annotate_pinyin(Block& b, Rng& rng, int* count) {
  std::vector<std::pair<size_t, size_t>> cand;  // (byte offset after the character, kPinyin index)
  for (size_t i = 0; i < b.text.size();) {
    const size_t begin = i;
    decode_utf8(b.text, i);
    const std::string_view ch = std::string_view(b.text).substr(begin, i - begin);
    for (size_t k = 0; k < kPinyin.size(); ++k)
      if (kPinyin[k].first == ch) cand.emplace_back(i, k);
  }
  if (cand.size() < 2) return std::string::npos;
  rng.shuffle(cand);
  cand.resize(std::min<size_t>(cand.size(), static_cast<size_t>(rng.irange(2, 6))));
  std::sort(cand.begin(), cand.end());
  *count = static_cast<int>(cand.size());
  const size_t first = cand.front().first - kPinyin[cand.front().second].first.size();
  for (auto it = cand.rbegin(); it != cand.rend(); ++it)  // from the end: earlier offsets stay valid
    b.text.insert(it->first, "(" + std::string(kPinyin[it->second].second) + ")");
  return first;
}

// Pastes markup into `b`: a tag at its end, &nbsp; before it, or &nbsp; after its first sentence.
// Returns where the markup starts.
size_t paste_markup(Block& b, Rng& rng) {
  const int form = rng.irange(0, 2);
  static constexpr std::string_view kStop = "。";
  const size_t stop = b.text.find(kStop);
  if (form == 1) {
    b.text.insert(0, std::string(rng.pick(kMarkupLead)));
    return 0;
  }
  if (form == 2 && stop != std::string::npos && stop + kStop.size() < b.text.size()) {
    b.text.insert(stop + kStop.size(), "&nbsp;");
    return stop + kStop.size();
  }
  const size_t at = b.text.size();
  b.text += rng.pick(kMarkupEnd);
  return at;
}

ContentPlan plan_content(uint64_t seed, const GenOptions& opt, Regime regime, Document& d, const Ctx& ctx,
                         const DefectPlan& plan, const ContentTables& tables) {
  ContentPlan p;
  Rng text(mix_seed(seed, 0xC0A7E47));  // the sentences and their values
  Rng def(mix_seed(seed, 0xC0DEFEC7));  // which content defects, and their details
  const double rate = opt.content_defect_rate;
  const bool want_sum = def.chance(rate);
  const bool want_percent = def.chance(rate);
  const bool want_table = def.chance(rate);
  const bool want_period = def.chance(rate);
  const bool want_duplicate = def.chance(rate);
  const bool want_garbled = def.chance(rate);

  const auto truth = [&](std::string rule, std::string detail) {
    p.truths.push_back({std::move(rule), std::move(detail), false});
    return static_cast<int>(p.truths.size()) - 1;
  };
  // A content paragraph at blocks[at] of section `key` (or its fallback), with the truth of its
  // defect (`rule` empty: none) at `offset`.
  const auto insert = [&](std::string_view key, std::string_view fallback, size_t at, std::string s, std::string rule,
                          std::string detail, size_t offset) {
    int si = section_index(d, key);
    if (si < 0 && !fallback.empty()) {
      si = section_index(d, fallback);
      at = 0;
    }
    if (si < 0) return;  // dropped by section.missing: the sentence and its defect go with it
    auto& blocks = d.sections[static_cast<size_t>(si)].blocks;
    Block b{BlockKind::paragraph, std::move(s), {}};
    b.content = true;
    if (!rule.empty()) b.marks.push_back({truth(std::move(rule), std::move(detail)), offset});
    blocks.insert(blocks.begin() + static_cast<std::ptrdiff_t>(std::min(at, blocks.size())), std::move(b));
  };
  const bool is2007 = regime == Regime::gov2007;

  // text.sum, in 主动公开 before anything else of the section.
  {
    const std::string_view lead = text.pick(kSumLeads);
    const int nparts = text.irange(2, 3);
    std::vector<size_t> names(kSumParts.size());
    for (size_t i = 0; i < names.size(); ++i) names[i] = i;
    text.shuffle(names);
    names.resize(static_cast<size_t>(nparts));
    const std::string sep = text.chance(0.5) ? "、" : "，";
    const std::string_view other = text.pick(kSumOthers);
    std::vector<int64_t> parts;
    parts.reserve(static_cast<size_t>(nparts) + 1);
    for (int i = 0; i < nparts; ++i) parts.push_back(text.range(5, 400));
    parts.push_back(text.range(1, 300));
    int64_t sum = 0;
    for (int64_t v : parts) sum += v;
    int64_t stated = sum;
    std::string rule, detail;
    if (want_sum) {
      const int64_t delta = def.range(1, 60);
      const bool down = sum - delta >= 1 && def.chance(0.5);
      stated = down ? sum - delta : sum + delta;
      rule = "text.sum";
      detail = "stated " + std::to_string(stated) + ", parts sum " + std::to_string(sum);
    }
    std::string s = expand(lead, ctx, text);
    const size_t offset = s.size();
    s += std::to_string(stated) + "条，其中";
    for (size_t i = 0; i < parts.size(); ++i) {
      if (i > 0) s += sep;
      s += i < names.size() ? std::string(kSumParts[names[i]]) : std::string(other);
      s += std::to_string(parts[i]) + "条";
    }
    s += "。";
    insert("主动公开政府信息情况", "", 0, std::move(s), rule, detail, offset);
  }
  // text.percent, in 总体情况 (2019/2021) or 概述 (2007; else 其他需要报告的事项), after its first paragraph.
  {
    const auto k = static_cast<size_t>(text.irange(0, static_cast<int>(kPercentSentences.size()) - 1));
    const bool exact = text.chance(0.3);
    int64_t base = 0, part = 0;
    if (exact) {
      static constexpr std::array<int64_t, 6> kDen = {4, 5, 10, 20, 25, 50};
      const int64_t den = kDen[static_cast<size_t>(text.irange(0, 5))];
      const int64_t m = text.range(1, std::max<int64_t>(1, kPercentBases[k][1] / den));
      const int64_t j = text.range(1, den - 1);
      base = den * m;
      part = m * j;
    } else {
      base = text.range(kPercentBases[k][0], kPercentBases[k][1]);
      part = text.range(1, base - 1);
    }
    const bool integer = part * 100 % base == 0;
    const int64_t tenths = integer ? part * 1000 / base : (part * 2000 + base) / (2 * base);  // rounded half up
    int64_t shown = tenths;
    std::string rule, detail;
    if (want_percent) {
      // At least 3 points from the true value (3.1 when the shown one is rounded), within 0..100.
      const int64_t need = integer ? 30 : 31;
      const bool up_ok = tenths + need <= 1000, down_ok = tenths - need >= 0;
      const bool up = up_ok && (!down_ok || def.chance(0.5));
      int64_t off = def.range(need, std::min<int64_t>(up ? 1000 - tenths : tenths, 250));
      if (integer) off = off / 10 * 10;
      shown = up ? tenths + off : tenths - off;
      rule = "text.percent";
      detail = "stated " + tenths_text(shown, integer) + "%, " + std::to_string(part) + "/" + std::to_string(base) +
               " = " + tenths_text(tenths, integer) + "%";
    }
    std::string s = expand(kPercentSentences[k], ctx, text);
    put(s, "X", std::to_string(base));
    put(s, "PART", std::to_string(part));
    const size_t offset = put(s, "PCT", tenths_text(shown, integer));
    if (is2007)
      insert("概述", "其他需要报告的事项", 1, std::move(s), rule, detail, offset);
    else
      insert("总体情况", "", 1, std::move(s), rule, detail, offset);
  }
  // text.table (2019/2021), first in the applications section. No defect where table.all-zero
  // would also speak (a count above zero against all-zero tables) or the cell cannot be read.
  {
    const std::string_view tpl = text.pick(kReceivedSentences);
    if (!is2007 && tables.present) {
      int64_t stated = tables.received;
      std::string rule, detail;
      if (want_table && tables.received_read && !tables.all_zero) {
        const int64_t delta = def.range(1, 20);
        const bool down = stated - delta >= 0 && def.chance(0.5);
        stated = down ? stated - delta : stated + delta;
        rule = "text.table";
        detail = "stated " + std::to_string(stated) + ", table 三 本年新收 总计 " + std::to_string(tables.received);
      }
      std::string s = expand(tpl, ctx, text);
      const size_t offset = put(s, "N", std::to_string(stated));
      insert("收到和处理政府信息公开申请情况", "", 0, std::move(s), rule, detail, offset);
    }
  }
  // period.missing: the years of the 统计期限 left blank. Not with year.mismatch, which needs them.
  if (want_period && !plan.year) {
    const std::string blank(def.pick(kPeriodBlanks));
    while (d.period_template.find("{P}") != std::string::npos) put(d.period_template, "P", blank);
    p.truths.push_back({"period.missing", "years left blank ('" + blank + "')", true});
  }
  // Prose the last two may change: paragraphs of the sections that no content sentence is.
  std::vector<std::pair<size_t, size_t>> prose;  // (section, block)
  for (size_t si = 0; si < d.sections.size(); ++si)
    for (size_t bi = 0; bi < d.sections[si].blocks.size(); ++bi)
      if (d.sections[si].blocks[bi].kind == BlockKind::paragraph && !d.sections[si].blocks[bi].content)
        prose.emplace_back(si, bi);
  const auto block = [&](std::pair<size_t, size_t> at) -> Block& { return d.sections[at.first].blocks[at.second]; };
  if (want_duplicate) {
    const auto len = static_cast<size_t>(def.irange(3, 6));
    def.shuffle(prose);
    for (const auto& at : prose) {
      std::string phrase;
      const size_t offset = double_phrase(block(at), def, len, &phrase);
      if (offset == std::string::npos) continue;
      block(at).content = true;
      block(at).marks.push_back({truth("text.duplicate", "doubled " + phrase), offset});
      break;
    }
  }
  if (want_garbled) {
    const double u = def.unit();
    const bool pinyin = u < 0.6, markup = u >= 0.4;  // both 20%
    def.shuffle(prose);
    size_t next = 0;
    const auto free = [&] {
      while (next < prose.size() && block(prose[next]).content) ++next;
      return next < prose.size();
    };
    if (pinyin) {
      for (; free(); ++next) {
        int count = 0;
        const size_t offset = annotate_pinyin(block(prose[next]), def, &count);
        if (offset == std::string::npos) continue;
        block(prose[next]).content = true;
        block(prose[next])
            .marks.push_back(
                {truth("text.garbled", "pinyin, " + std::to_string(count) + " annotations in one paragraph"), offset});
        ++next;
        break;
      }
    }
    if (markup && free()) {
      const int want = def.irange(1, 3);
      const int t = truth("text.garbled", "markup");
      int n = 0;
      for (; n < want && free(); ++next, ++n) {
        Block& b = block(prose[next]);
        b.marks.push_back({t, paste_markup(b, def)});
        b.content = true;
      }
      p.truths[static_cast<size_t>(t)].detail = "markup in " + std::to_string(n) + " paragraph(s)";
    }
  }
  return p;
}

// Content truths as defects, at their marks (the first per truth in document order). `crawl_line`:
// the crawl layout's one line (positions are columns); 0 in the other layouts (positions are lines).
void add_content_truths(GeneratedReport& rep, const ContentPlan& cp, const std::vector<CellPos>& marks, CellPos period,
                        int crawl_line) {
  for (size_t i = 0; i < cp.truths.size(); ++i) {
    const ContentTruth& t = cp.truths[i];
    const CellPos at = t.period ? period : i < marks.size() ? marks[i] : CellPos{};
    if (crawl_line > 0)
      rep.defects.push_back({t.rule, crawl_line, t.detail, at.column});
    else
      rep.defects.push_back({t.rule, at.line, t.detail});
  }
}

}  // namespace

// ---------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------
// The crawl layout's split oracle. Written for the generator alone (it does not share code with
// gklint's reader): the truth it decides must not inherit the reader's mistakes.

namespace {

constexpr int64_t kSplitBig = 1'000'000'000'000'000;  // beyond any count; longer parts saturate above it

int64_t part_value(std::string_view d) {
  int64_t v = 0;
  for (char ch : d) {
    v = v * 10 + (ch - '0');
    if (v > kSplitBig) return kSplitBig + 1;
  }
  return v;
}

// Ways (up to cap) to cut `d` into k non-empty parts whose values add up to `sum`.
int parts_summing(std::string_view d, int k, int64_t sum, int cap) {
  if (k == 1) return part_value(d) == sum ? 1 : 0;
  int n = 0;
  int64_t v = 0;
  for (size_t len = 1; len + static_cast<size_t>(k - 1) <= d.size(); ++len) {
    v = v * 10 + (d[len - 1] - '0');
    if (v > sum) break;  // appending a digit never makes a part smaller
    n += parts_summing(d.substr(len), k - 1, sum - v, cap - n);
    if (n >= cap) return cap;
  }
  return n;
}

}  // namespace

int crawl_split_count(std::string_view digits, int groups, int per_group, int cap) {
  if (cap <= 0 || groups < 0 || per_group < 2) return 0;
  for (char ch : digits)
    if (ch < '0' || ch > '9') return 0;
  if (groups == 0) return digits.empty() ? 1 : 0;
  const auto per = static_cast<size_t>(per_group);
  const size_t rest_min = static_cast<size_t>(groups - 1) * per;
  int n = 0;
  // The first group is digits[0, e): parts [0, t) must add up to its last part [t, e).
  for (size_t e = per; e + rest_min <= digits.size(); ++e) {
    if (groups == 1 && e != digits.size()) continue;
    int rest = -1;  // splits of what follows the group, counted once it is needed
    for (size_t t = per - 1; t < e; ++t) {
      const int64_t total = part_value(digits.substr(t, e - t));
      if (total > kSplitBig) continue;
      const int here = parts_summing(digits.substr(0, t), per_group - 1, total, cap);
      if (here == 0) continue;
      if (rest < 0) rest = crawl_split_count(digits.substr(e), groups - 1, per_group, cap);
      n = static_cast<int>(std::min<int64_t>(cap, n + static_cast<int64_t>(here) * rest));
      if (n >= cap) return cap;
    }
  }
  return n;
}

std::string to_traditional(std::string_view simplified) {
  const CharMap& m = s2t_map();
  std::string out;
  out.reserve(simplified.size());
  for (size_t i = 0; i < simplified.size();) {
    const size_t start = i;
    const char32_t c = decode_utf8(simplified, i);
    if (c >= 0x3400) {
      auto it = std::lower_bound(m.begin(), m.end(), std::pair<char32_t, char32_t>{c, 0});
      if (it != m.end() && it->first == c) {
        encode_utf8(it->second, out);
        continue;
      }
    }
    out.append(simplified.substr(start, i - start));
  }
  return out;
}

namespace {

// Rows of table 三 whose cells feed a broken invariant (for TableFinding::inferred).
std::vector<size_t> invariant_rows(const Table3& t, const Broken& bk) {
  std::vector<size_t> rows;
  for (size_t r = 0; r < t.spec.size(); ++r) {
    const T3Role role = t.spec[r].role;
    if (bk.rule == "table.balance"         ? role != T3Role::result
        : bk.rule == "table.results-total" ? (role == T3Role::result || role == T3Role::total)
                                           : r == bk.row)
      rows.push_back(r);
  }
  return rows;
}

// The crawl layout's last step: renders the page and records where every defect and table
// finding is, following the contract in README.md ("crawl" layout).
void finish_crawl(GeneratedReport& rep, const Document& doc, const Style& st, const Ctx& ctx, const DefectPlan& plan,
                  const ContentPlan& content, int period_year, Rng& render_rng, Rng& crng, const CrawlMods& m,
                  const Table3& t3, const Table4& t4, bool traditional) {
  CrawlPage pg = render_crawl(doc, st, ctx, period_year, render_rng, crng, m, t3);
  const int line = static_cast<int>(pg.header.size()) + 1;
  rep.body_line = line;

  auto heading_of = [&](int id) {
    const int i = index_of(doc.sections, id);
    return i >= 0 ? pg.heading_col[static_cast<size_t>(i)] : 0;
  };
  if (plan.has_missing) {
    // The next required section's marker, or just past the report's last character.
    const int col = plan.missing_target_id >= 0 ? heading_of(plan.missing_target_id) : pg.end_col;
    rep.defects.push_back({"section.missing", line, "missing " + plan.missing_key, col});
  }
  if (plan.order_first_id >= 0)
    rep.defects.push_back({"section.order", line, plan.order_detail, heading_of(plan.order_first_id)});
  if (plan.skip_id >= 0) rep.defects.push_back({"heading.numbering", line, plan.skip_detail, heading_of(plan.skip_id)});
  if (plan.repeat_section_id >= 0) {
    const auto i = static_cast<size_t>(index_of(doc.sections, plan.repeat_section_id));
    rep.defects.push_back(
        {"heading.numbering", line, plan.repeat_detail, pg.sub_cols[i][static_cast<size_t>(plan.repeat_sub)]});
  }
  if (plan.year)
    rep.defects.push_back({"year.mismatch", line,
                           "period " + std::to_string(period_year) + ", title " + std::to_string(rep.year),
                           pg.period_end_col});
  add_content_truths(rep, content, pg.marks, {0, pg.period_col}, line);
  std::stable_sort(rep.defects.begin(), rep.defects.end(),
                   [](const Defect& d1, const Defect& d2) { return d1.column < d2.column; });

  auto add = [&](std::string rule, int col, std::string row, std::string column, std::string table, bool inferred) {
    rep.table_findings.push_back(
        {std::move(rule), line, col, std::move(row), std::move(column), std::move(table), inferred});
  };
  if (pg.t3_first >= 0) {
    const CrawlRow* rows3 = &pg.rows[static_cast<size_t>(pg.t3_first)];
    if (m.drop && !m.drop_t4) {
      add("table.unreadable", rows3[m.drop_row].label_column, rows3[m.drop_row].label, "", "applications", false);
    } else {
      UnknownCells unknown(t3.spec.size());
      for (auto& row : unknown) row.fill(false);
      for (size_t r : m.blank_rows) unknown[r].fill(true);
      if (m.slash) unknown[m.slash_row][m.slash_col] = true;
      for (const Broken& bk : broken_invariants(t3, t4, unknown)) {
        if (bk.t4) {
          // Table 四 is never changed in this layout (a change that keeps its group totals
          // breaks nothing); kept general all the same.
          if (pg.t4_row < 0 || (m.drop && m.drop_t4)) continue;
          const CrawlRow& r4 = pg.rows[static_cast<size_t>(pg.t4_row)];
          add(bk.rule, r4.cell_columns[bk.row * 5 + bk.col], std::string(kT4Groups[bk.row]),
              std::string(kT4Cols[bk.col]), "review", r4.run_together);
          continue;
        }
        bool inferred = false;
        for (size_t r : invariant_rows(t3, bk)) inferred = inferred || (!rows3[r].blank && rows3[r].run_together);
        add(bk.rule, rows3[bk.row].cell_columns[bk.col], rows3[bk.row].label,
            bk.col < 6 ? std::string(kApplicantCols[bk.col]) : std::string("总计"), "applications", inferred);
      }
      // One table.unfilled per table, at the first unfilled cell in document order: a blank
      // row's cells are located just past its label, a "/" at the "/".
      int first = 0;
      size_t fr = 0, fc = 0;
      for (size_t r : m.blank_rows) {
        if (first == 0 || rows3[r].label_end < first) {
          first = rows3[r].label_end;
          fr = r;
          fc = 0;
        }
      }
      if (m.slash && (first == 0 || rows3[m.slash_row].cell_columns[m.slash_col] < first)) {
        first = rows3[m.slash_row].cell_columns[m.slash_col];
        fr = m.slash_row;
        fc = m.slash_col;
      }
      if (first > 0)
        add("table.unfilled", first, rows3[fr].label, fc < 6 ? std::string(kApplicantCols[fc]) : std::string("总计"),
            "applications", false);
    }
  }
  if (pg.t4_row >= 0 && m.drop && m.drop_t4)
    add("table.unreadable", pg.rows[static_cast<size_t>(pg.t4_row)].label_column, "", "", "review", false);
  std::sort(rep.table_findings.begin(), rep.table_findings.end(), [](const TableFinding& f1, const TableFinding& f2) {
    return std::tie(f1.line, f1.column, f1.rule) < std::tie(f2.line, f2.column, f2.rule);
  });

  rep.crawl_rows = std::move(pg.rows);

  size_t total = pg.body.size() + 1;
  for (const auto& l : pg.header) total += l.size() + 1;
  rep.text.reserve(total);
  for (const auto& l : pg.header) {
    rep.text += l;
    rep.text += '\n';
  }
  rep.text += pg.body;
  rep.text += '\n';
  if (traditional) {
    rep.text = to_traditional(rep.text);
    rep.traditional = true;
  }
}

}  // namespace

namespace {

// What a series (generate_series) imposes on one year's report: its year, the agency and the
// tables' figures. The report's own streams draw as always; the imposed values replace the drawn
// ones after the draw, so everything else about the text is that of the seed.
struct SeriesYear {
  int year = 0;
  std::string agency, we;
  int title_form = 0;  // 0: <agency><Y>年政府信息公开工作年度报告, 1: <Y>年度<agency>…
  std::vector<std::array<int64_t, 7>> t3;  // Table3::values, rows of table3_spec(year's format)
  Table4 t4;
  // 2021 format, table 二 第二十条第（一）项: 规章, 行政规范性文件 × 本年制发, 本年废止, 现行有效.
  std::array<std::array<int64_t, 3>, 2> active{};
};

// Where a series year's cells were printed (pipe layout).
struct SeriesPositions {
  int title_line = 0;
  std::vector<std::array<CellPos, 7>> t3;  // per table 三 data row, 自然人 … 总计
  std::array<std::array<CellPos, 5>, 3> t4{};
  std::array<CellPos, 2> stock{};  // 2021: 现行有效件数 of 规章, 行政规范性文件
};

GeneratedReport generate_impl(uint64_t seed, Regime regime, const GenOptions& opt, const SeriesYear* sy,
                              SeriesPositions* where);

}  // namespace

GeneratedReport generate_report(uint64_t seed, Regime regime, const GenOptions& opt) {
  return generate_impl(seed, regime, opt, nullptr, nullptr);
}

namespace {

GeneratedReport generate_impl(uint64_t seed, Regime regime, const GenOptions& opt, const SeriesYear* sy,
                              SeriesPositions* where) {
  Rng rng(mix_seed(seed, 0x7E47));     // document text and tables
  Rng drng(mix_seed(seed, 0xDEFEC7));  // defect choices: independent of the text stream

  GeneratedReport rep;
  rep.regime = regime;
  rep.year = regime == Regime::gov2007   ? rng.irange(2008, 2018)
             : regime == Regime::gov2019 ? rng.irange(2019, 2020)
                                         : rng.irange(2021, 2025);
  if (sy) rep.year = sy->year;
  const bool is2007 = regime == Regime::gov2007;

  // Agency and self-reference.
  Ctx ctx;
  ctx.year = rep.year;
  {
    const std::string place(rng.pick(kPlaces));
    const std::string kind = place.substr(place.size() - 3);  // last UTF-8 ideograph: 县/市/区/镇/乡
    const double u = rng.unit();
    if (kind == "镇" || kind == "乡" || u < 0.35) {
      ctx.agency = place + "人民政府";
      ctx.we = rng.chance(0.7) ? "我" + kind : "本机关";
    } else if (u < 0.5) {
      ctx.agency = place + "人民政府办公室";
      ctx.we = "本机关";
    } else {
      const std::string bureau(rng.pick(is2007 ? kBureaus2007 : kBureaus2019));
      ctx.agency = place + bureau;
      const bool committee = bureau.size() >= 9 && bureau.compare(bureau.size() - 9, 9, "委员会") == 0;
      ctx.we = rng.chance(0.7) ? (committee ? "我委" : "我局") : "本机关";
    }
  }
  if (sy) {
    ctx.agency = sy->agency;
    ctx.we = sy->we;
  }

  // Tables first (2019/2021): the prose quotes their figures.
  const int tier = volume_tier(rng);
  const TableStyle tstyle = choose_table_style(seed, opt.table_layout);
  rep.table_layout = tstyle.layout;
  const bool crawl = tstyle.layout == TableLayout::crawl;
  TableGrid t2, t3g, t4g;
  Table3 t3;
  Table4 t4;
  TableMods mods;
  CrawlMods cmods;  // crawl layout only (then `mods` stays empty)
  std::vector<Broken> broken;
  if (!is2007) {
    const bool f2021 = regime == Regime::gov2021;
    t3 = make_table3(rng, f2021, tier);
    t4 = make_table4(rng, tier);
    if (sy) {
      t3.values = sy->t3;
      t4 = sy->t4;
    }
    auto figures = [&] {
      Figures f;
      f.new_total = t3_value(t3, T3Role::new_, 6);
      f.carry_in = t3_value(t3, T3Role::carry_in, 6);
      f.carry_out = t3_value(t3, T3Role::carry_out, 6);
      f.published = t3.values[2][6];  // （一）予以公开
      f.review_total = t4.groups[0][4];
      f.litigation_total = t4.groups[1][4] + t4.groups[2][4];
      return f;
    };
    ctx.fig_orig = figures();
    // Before the prose is written: its figures quote the table as printed, so a changed
    // number breaks the table's own invariants but never text-vs-table.
    if (crawl) {
      cmods = plan_crawl_mods(seed, opt, t3, t4);  // its findings need the rendering: computed below
    } else {
      mods = plan_table_mods(seed, opt, tstyle, t3, t4);
      UnknownCells unknown(t3.spec.size());
      for (auto& row : unknown) row.fill(false);
      if (mods.blank) unknown[mods.blank_row][mods.blank_col] = true;
      broken = broken_invariants(t3, t4, unknown);
    }
    ctx.fig = figures();
    t2 = table2_grid(rng, f2021, tier);
    if (sy && f2021) {
      for (TableRow& row : t2.rows) {
        if (row.kind != RowKind::data || row.cells.size() != 4) continue;
        const int k = row.cells[0] == "规章" ? 0 : row.cells[0] == "行政规范性文件" ? 1 : -1;
        if (k < 0) continue;
        for (size_t c = 0; c < 3; ++c) row.cells[c + 1] = std::to_string(sy->active[static_cast<size_t>(k)][c]);
      }
    }
    t3g = table3_grid(t3, rng.chance(0.3));
    t4g = table4_grid(t4);
    auto len = [](int64_t v) { return static_cast<int64_t>(std::to_string(v).size()); };
    if (mods.error) {
      const int64_t v =
          mods.error_t4 ? t4.groups[mods.error_row][mods.error_col] : t3.values[mods.error_row][mods.error_col];
      (mods.error_t4 ? t4g : t3g).size_skew += len(v) - len(v - mods.delta);
    }
    if (cmods.error) {
      for (size_t c : {cmods.error_col, size_t{6}}) {
        const int64_t v = t3.values[cmods.error_row][c];
        t3g.size_skew += len(v) - len(v - cmods.delta);
      }
    }
    if (mods.blank) {
      TableRow& row = t3g.rows[t3g.data_rows[mods.blank_row]];
      row.cells[row.nlabel + mods.blank_col] = mods.blank_text;
      t3g.size_skew += static_cast<int64_t>(mods.blank_text.size()) - len(t3.values[mods.blank_row][mods.blank_col]);
    }
  }

  Document doc;
  // Title and optional agency line.
  const double tu = rng.unit();
  const std::string y = std::to_string(rep.year);
  if (tu < 0.55) {
    doc.title = ctx.agency + y + "年政府信息公开工作年度报告";
    if (rng.chance(0.15)) doc.pre_title.push_back(ctx.agency);
  } else if (tu < 0.8) {
    doc.title = "关于" + y + "年度政府信息公开工作的报告";
    if (rng.chance(0.7)) doc.pre_title.push_back(ctx.agency);
  } else {
    doc.title = y + "年度" + ctx.agency + "政府信息公开工作年度报告";
    if (rng.chance(0.15)) doc.pre_title.push_back(ctx.agency);
  }
  if (sy) {  // a series names its agency in every title, in one form
    doc.title = sy->title_form == 0 ? ctx.agency + y + "年政府信息公开工作年度报告"
                                    : y + "年度" + ctx.agency + "政府信息公开工作年度报告";
  }

  // Intro: basis sentence, period sentence (own paragraph 30% of the time), contact, lead-out.
  {
    std::string basis = expand(rng.pick(!is2007 && rng.chance(0.4) ? kBasisSentences2019 : kBasisSentences), ctx, rng);
    std::string contact;
    if (rng.chance(0.5)) contact = expand(rng.pick(kContactSentences), ctx, rng);
    std::string leadout;
    if (rng.chance(0.6)) leadout = expand(rng.pick(kLeadOut), ctx, rng);
    doc.period_template = std::string(rng.pick(kPeriodSentences));
    if (rng.chance(0.3)) {
      doc.intro.push_back(basis + contact);
      doc.intro.emplace_back();
      doc.period_para = 1;
      doc.period_suffix = leadout;
    } else {
      doc.intro.emplace_back();
      doc.period_para = 0;
      doc.period_prefix = basis;
      doc.period_suffix = contact + leadout;
    }
  }

  Builder b(rng, regime, ctx);
  doc.sections = is2007 ? b.sections_2007() : b.sections_2019(t2, t3g, t4g);
  {
    // Target ~6–15 KB (mean ~10.5 KB) before defects; triangular-ish distribution.
    const auto target = static_cast<size_t>(6200 + rng.range(0, 4300) + rng.range(0, 4300));
    size_t current = doc.title.size() + 400;  // title + intro, roughly
    for (const auto& s : doc.sections) current += approx_bytes(s);
    b.top_up(doc.sections, target, current);
  }
  for (size_t i = 0; i < doc.sections.size(); ++i) doc.sections[i].id = static_cast<int>(i);

  if (rng.chance(0.25)) {
    doc.signature.push_back(ctx.agency);
    // Day before month: the order GCC gave the two unsequenced draws of the original
    // one-expression form (see add_problem_subs).
    const int day = rng.irange(1, 28);
    const int month = rng.irange(1, 3);
    doc.signature.push_back(std::to_string(rep.year + 1) + "年" + std::to_string(month) + "月" + std::to_string(day) +
                            "日");
  }

  Style st;
  {
    const double u = rng.unit();
    st.indent = u < 0.4 ? "　　" : u < 0.9 ? "" : "  ";
    st.indent_headings = !st.indent.empty() && rng.chance(0.3);
    st.blank_between = rng.chance(0.5);
    st.ascii_parens = rng.chance(0.15);
    st.table = tstyle;
  }
  const bool traditional = opt.allow_traditional && rng.chance(0.2);

  const DefectPlan plan = apply_defects(doc, drng, opt.defect_rate);
  {
    // A dropped section can take a report below the 5 KB floor; top it up again.
    // Safe for determinism: `rng` is not used after this point, so clean reports
    // are unaffected and defective ones only gain paragraphs at section ends.
    constexpr size_t kFloor = 5600;
    size_t current = doc.title.size() + 400;
    for (const auto& s : doc.sections) current += approx_bytes(s);
    if (current < kFloor) b.top_up(doc.sections, kFloor, current);
  }
  ContentPlan content;
  if (opt.content_sentences || opt.content_defect_rate > 0) {
    ContentTables ct;
    if (!is2007) {
      ct.present = true;
      ct.received = ctx.fig.new_total;
      size_t r_new = 0;
      while (r_new + 1 < t3.spec.size() && t3.spec[r_new].role != T3Role::new_) ++r_new;
      const bool unread = crawl ? (cmods.drop && !cmods.drop_t4) ||
                                      std::binary_search(cmods.blank_rows.begin(), cmods.blank_rows.end(), r_new) ||
                                      (cmods.slash && cmods.slash_row == r_new && cmods.slash_col == 6)
                                : mods.blank && mods.blank_row == r_new && mods.blank_col == 6;
      ct.received_read = !unread;
      ct.all_zero = true;
      for (const auto& row : t3.values)
        for (int64_t v : row) ct.all_zero = ct.all_zero && v == 0;
      for (const auto& g : t4.groups)
        for (int64_t v : g) ct.all_zero = ct.all_zero && v == 0;
    }
    content = plan_content(seed, opt, regime, doc, ctx, plan, ct);
  }
  const int period_year = plan.year ? rep.year - 1 : rep.year;
  Rng render_rng(mix_seed(seed, 0x4E4D));  // render-time randomness (none today besides {n})
  if (crawl) {
    Rng crng(mix_seed(seed, 0xC4A71));  // every choice of the page's chrome and flattening
    finish_crawl(rep, doc, st, ctx, plan, content, period_year, render_rng, crng, cmods, t3, t4, traditional);
    return rep;
  }
  const Rendered r = render(doc, st, ctx, period_year, render_rng);

  auto heading_of = [&](int id) {
    const int i = index_of(doc.sections, id);
    return i >= 0 ? r.heading_line[static_cast<size_t>(i)] : 0;
  };
  if (plan.has_missing) {
    int line = plan.missing_target_id >= 0 ? heading_of(plan.missing_target_id) : static_cast<int>(r.lines.size());
    rep.defects.push_back({"section.missing", line, "missing " + plan.missing_key});
  }
  if (plan.order_first_id >= 0)
    rep.defects.push_back({"section.order", heading_of(plan.order_first_id), plan.order_detail});
  if (plan.skip_id >= 0) rep.defects.push_back({"heading.numbering", heading_of(plan.skip_id), plan.skip_detail});
  if (plan.repeat_section_id >= 0) {
    const int i = index_of(doc.sections, plan.repeat_section_id);
    rep.defects.push_back({"heading.numbering",
                           r.sub_lines[static_cast<size_t>(i)][static_cast<size_t>(plan.repeat_sub)],
                           plan.repeat_detail});
  }
  if (plan.year)
    rep.defects.push_back({"year.mismatch", r.period_line,
                           "period " + std::to_string(period_year) + ", title " + std::to_string(rep.year)});
  add_content_truths(rep, content, r.marks, {r.period_line, 0}, 0);
  std::stable_sort(rep.defects.begin(), rep.defects.end(),
                   [](const Defect& d1, const Defect& d2) { return d1.line < d2.line; });

  // Table truth, from the positions the renderer recorded. A table dropped with its section
  // (section.missing) takes its error or unfilled cell with it: nothing is recorded then.
  auto rendered = [&](const char* name) -> const GridPos* {
    for (const auto& [n, pos] : r.tables)
      if (n == name) return &pos;
    return nullptr;
  };
  const GridPos* p3 = rendered("三");
  const GridPos* p4 = rendered("四");
  auto t3_finding = [&](std::string rule, size_t row, size_t col) {
    const size_t gr = t3g.data_rows[row];
    const CellPos& cp = (*p3)[gr][t3g.rows[gr].nlabel + col];
    rep.table_findings.push_back({std::move(rule), cp.line, cp.column, strip_numbering(t3.spec[row].label),
                                  col < 6 ? std::string(kApplicantCols[col]) : std::string("总计")});
  };
  for (const Broken& bk : broken) {
    if (bk.t4 && p4) {
      const CellPos& cp = (*p4)[t4g.data_rows[0]][bk.row * 5 + bk.col];
      rep.table_findings.push_back(
          {bk.rule, cp.line, cp.column, std::string(kT4Groups[bk.row]), std::string(kT4Cols[bk.col])});
    } else if (!bk.t4 && p3) {
      t3_finding(bk.rule, bk.row, bk.col);
    }
  }
  if (mods.blank && p3) t3_finding("table.cell", mods.blank_row, mods.blank_col);
  std::sort(rep.table_findings.begin(), rep.table_findings.end(), [](const TableFinding& f1, const TableFinding& f2) {
    return std::tie(f1.line, f1.column, f1.rule) < std::tie(f2.line, f2.column, f2.rule);
  });
  if (where) {
    where->title_line = 2 * static_cast<int>(doc.pre_title.size()) + 1;  // each agency line is followed by a blank
    where->t3.assign(t3.spec.size(), {});
    if (p3) {
      for (size_t row = 0; row < t3.spec.size(); ++row) {
        const size_t gr = t3g.data_rows[row];
        for (size_t col = 0; col < 7; ++col) where->t3[row][col] = (*p3)[gr][t3g.rows[gr].nlabel + col];
      }
    }
    if (p4) {
      for (size_t g = 0; g < 3; ++g)
        for (size_t col = 0; col < 5; ++col) where->t4[g][col] = (*p4)[t4g.data_rows[0]][g * 5 + col];
    }
    if (const GridPos* p2 = rendered("二")) {
      for (size_t gr = 0; gr < t2.rows.size(); ++gr) {
        const TableRow& row = t2.rows[gr];
        if (row.kind != RowKind::data || row.cells.size() != 4) continue;
        if (row.cells[0] == "规章") where->stock[0] = (*p2)[gr][3];
        if (row.cells[0] == "行政规范性文件") where->stock[1] = (*p2)[gr][3];
      }
    }
  }

  size_t total = 0;
  for (const auto& l : r.lines) total += l.size() + 1;
  rep.text.reserve(total);
  for (const auto& l : r.lines) {
    rep.text += l;
    rep.text += '\n';
  }
  if (traditional) {
    rep.text = to_traditional(rep.text);
    rep.traditional = true;
  }
  return rep;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// Series: one agency over consecutive years. Each year is a report of its own seed (its text
// drawn as any report's), with the agency, the year and the tables' figures imposed by the
// series; then its sentences are set against last year's (a share copied, the rest made new).
// The series' draws come from streams of their own, so generate_report is unchanged.

Regime regime_of_year(int year) { return year >= 2021 ? Regime::gov2021 : Regime::gov2019; }

namespace {

// A year's figures as the series carries them from one year to the next.
struct SeriesState {
  int year = 0;
  bool f2021 = false;
  std::vector<T3RowSpec> spec;
  std::vector<std::array<int64_t, 7>> t3;
  Table4 t4;
  std::array<std::array<int64_t, 3>, 2> active{};  // 2021: 规章, 行政规范性文件 × 制发, 废止, 现行有效
  SeriesPositions where;
  std::vector<std::string> lines;  // the final text
};

size_t t3_row(const std::vector<T3RowSpec>& spec, T3Role role) {
  for (size_t r = 0; r < spec.size(); ++r)
    if (spec[r].role == role) return r;
  return 0;
}

// The rows of （六）其他处理 differ between the 2019 and 2021 formats (one row against three), so
// which of them gklint compares across the change is its own matter: they are kept below the jump
// threshold in every cell, where no comparison can find a jump. The excess goes to 予以公开.
void cap_other_rows(std::vector<std::array<int64_t, 7>>& v, const std::vector<T3RowSpec>& spec, int least) {
  const size_t published = t3_row(spec, T3Role::result);
  bool in_other = false;
  for (size_t r = 0; r < spec.size(); ++r) {
    for (auto o : spec[r].openers) in_other = o == "（六）其他处理";
    if (spec[r].label.starts_with("（六）")) in_other = true;
    if (spec[r].role != T3Role::result) in_other = false;
    if (!in_other) continue;
    for (size_t c = 0; c < 6; ++c) {
      int64_t sum = 0;
      for (size_t k = 0; k < 6; ++k) sum += v[r][k];
      while (sum >= least && v[r][c] > 0) {
        --v[r][c];
        ++v[published][c];
        --sum;
      }
    }
  }
}

// 总计 row, 本年新收 (balance: 一 + 二 = （七） + 四) and the row totals, from the results, the
// carry-over in and out.
bool settle_t3(std::vector<std::array<int64_t, 7>>& v, const std::vector<T3RowSpec>& spec) {
  const size_t row_new = t3_row(spec, T3Role::new_), row_in = t3_row(spec, T3Role::carry_in),
               row_total = t3_row(spec, T3Role::total), row_out = t3_row(spec, T3Role::carry_out);
  for (size_t c = 0; c < 6; ++c) {
    int64_t total = 0;
    for (size_t r = 0; r < spec.size(); ++r)
      if (spec[r].role == T3Role::result) total += v[r][c];
    v[row_total][c] = total;
    v[row_new][c] = total + v[row_out][c] - v[row_in][c];
    if (v[row_new][c] < 0) return false;
  }
  for (auto& row : v) {
    row[6] = 0;
    for (size_t c = 0; c < 6; ++c) row[6] += row[c];
  }
  return true;
}

// A figure of next year: within a factor of 0.75–1.35 (so never a jump), a zero now and then 1.
// (Rare: table 三 has 130-odd cells per column total, and many zeros turning 1 at once would make a
// small total jump.)
int64_t drift(Rng& rng, int64_t v) {
  if (v == 0) return rng.chance(0.02) ? 1 : 0;
  return (v * rng.range(750, 1350) + 500) / 1000;
}

// The cells cross.jump compares (tables 三 by row label, 四 by position) that are `factor` times
// apart or more, the larger at least `least`: (table 三 row, column) or (-1 - group, column).
std::vector<std::pair<int, int>> jumps(const SeriesState& prev, const SeriesState& cur, int factor, int least) {
  std::vector<std::pair<int, int>> out;
  const auto jumped = [&](int64_t a, int64_t b) {
    const int64_t high = std::max(a, b), low = std::min(a, b);
    return high >= least && high >= low * factor;
  };
  for (size_t r = 0; r < cur.spec.size(); ++r) {
    for (size_t pr = 0; pr < prev.spec.size(); ++pr) {
      if (prev.spec[pr].label != cur.spec[r].label) continue;
      for (size_t c = 0; c < 7; ++c)
        if (jumped(cur.t3[r][c], prev.t3[pr][c])) out.emplace_back(static_cast<int>(r), static_cast<int>(c));
    }
  }
  for (size_t g = 0; g < 3; ++g)
    for (size_t c = 0; c < 5; ++c)
      if (jumped(cur.t4.groups[g][c], prev.t4.groups[g][c]))
        out.emplace_back(-1 - static_cast<int>(g), static_cast<int>(c));
  return out;
}

// ---- sentences, as cross.reuse reads them (src/rules/check_cross_text.cpp) ----

struct SeriesSentence {
  size_t line = 0;            // 0-based
  size_t begin = 0, end = 0;  // bytes in the line: after the previous sentence (or the line start) … its end mark
  size_t content = 0;         // first byte after the blanks at its start
  std::string key;            // blanks out, digits '#', full-width forms folded
  bool digits = false;        // holds a figure: never copied nor replaced (the prose quotes the tables)
  bool first = false;         // first of its line: may follow a heading number (（一）, 1.)
  bool listed = false;        // holds 一是/二是…: an item of a list that runs over several sentences
};

// The template's fixed wording that cross.reuse's `ignore` patterns (rules/base.yaml) leave out.
bool fixed_wording(std::string_view s) {
  for (size_t at = s.find("根据《"); at != std::string_view::npos; at = s.find("根据《", at + 1)) {
    const size_t close = s.find("》", at);
    if (close != std::string_view::npos && s.substr(at, close - at).ends_with("政府信息公开条例")) return true;
  }
  for (std::string_view w :
       {"本报告所列数据的统计期限", "本报告中所列数据的统计期限", "统计期限自", "统计期限为", "如对本报告有任何疑问",
        "如对本年度报告有任何疑问", "本报告电子版", "本报告的电子版", "本年度报告电子版", "本年度报告的电子版"})
    if (s.find(w) != std::string_view::npos) return true;
  return false;
}

bool is_blank(char32_t c) { return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0; }

bool is_cn_numeral(char32_t c) {
  return std::u32string_view(U"一二三四五六七八九十百零〇两").find(c) != std::u32string_view::npos;
}

bool is_heading_end(char32_t c) { return std::u32string_view(U"。！？；：!?;:").find(c) != std::u32string_view::npos; }

// Where the prose of a line starts that opens with a heading number (一、 （一） (1) 1. 1、): a
// heading is its number and its title up to the first 。！？；：, at most 60 characters, less
// trailing blanks and commas (gklint's outline: src/report/outline.cpp). 0 when it is no heading.
// The end of a run of numerals (Chinese or ASCII digits) from `p`; `digits`: it holds an ASCII one.
size_t numeral_run(std::string_view l, size_t p, bool* digits) {
  while (p < l.size()) {
    size_t next = p;
    const char32_t d = decode_utf8(l, next);
    if (!is_cn_numeral(d) && !(d >= '0' && d <= '9')) break;
    *digits = *digits || (d >= '0' && d <= '9');
    p = next;
  }
  return p;
}

size_t heading_end(std::string_view l, size_t p) {
  size_t i = p;
  const char32_t c = decode_utf8(l, i);
  size_t q = 0;
  bool digits = false;
  const auto next_is = [&](size_t at, std::u32string_view any, size_t* after) {
    if (at >= l.size()) return false;
    *after = at;
    return any.find(decode_utf8(l, *after)) != std::u32string_view::npos;
  };
  size_t after = 0;
  if (c == U'（' || c == '(') {  // （一） (1), then maybe 、 or .
    const size_t run = numeral_run(l, i, &digits);
    if (run == i || !next_is(run, U"）)", &after)) return 0;
    q = after;
    if (next_is(q, U"、.", &after)) q = after;
  } else {  // 一、 1. 1、
    const size_t run = numeral_run(l, p, &digits);
    if (run == p || !next_is(run, U"、.", &after)) return 0;
    q = after;
    if (digits && q < l.size() && is_ascii_digit(l[q])) return 0;  // 2.5亿元
  }
  while (q < l.size() && (l[q] == ' ' || l[q] == '\t')) ++q;
  if (q >= l.size()) return 0;
  size_t end = q, chars = 0;
  while (end < l.size() && chars < 60) {
    size_t next = end;
    if (is_heading_end(decode_utf8(l, next))) break;
    end = next;
    ++chars;
  }
  if (end == q) return 0;  // a number with no title
  while (end > q) {
    if (l[end - 1] == ' ' || l[end - 1] == ',') {
      --end;
    } else if (end - q >= 3 && l.compare(end - 3, 3, "，") == 0) {
      end -= 3;
    } else {
      break;
    }
  }
  return end;
}

// The sentences that count: prose lines (not the title, not a table row: in the pipe layout every
// table line ends with '|'), cut after 。！？；, at least `min_hans` ideographs, not template wording.
// A heading's number and title are no part of a sentence.
std::vector<SeriesSentence> series_sentences(const std::vector<std::string>& lines, int title_line, int min_hans) {
  std::vector<SeriesSentence> out;
  for (size_t li = 0; li < lines.size(); ++li) {
    const std::string& l = lines[li];
    if (static_cast<int>(li) + 1 == title_line || (!l.empty() && l.back() == '|')) continue;
    SeriesSentence s;
    s.line = li;
    s.first = true;
    int hans = 0;
    bool lead = true;
    size_t from = 0;  // past the indent
    while (from < l.size()) {
      if (l[from] == ' ' || l[from] == '\t')
        ++from;
      else if (l.compare(from, 3, "\u3000") == 0)
        from += 3;
      else
        break;
    }
    if (const size_t h = from < l.size() ? heading_end(l, from) : 0) {
      s.begin = s.content = h;
      lead = false;
    }
    for (size_t i = s.begin; i < l.size();) {
      const size_t at = i;
      const char32_t c = decode_utf8(l, i);
      if (lead && is_blank(c)) {
        s.content = i;
        continue;
      }
      lead = false;
      if (c >= 0x3400 && c <= 0x9FFF) ++hans;
      if ((c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19)) {
        s.key += '#';
        s.digits = true;
      } else if (c >= 0xFF01 && c <= 0xFF5E) {
        s.key += static_cast<char>(c - 0xFEE0);
      } else if (c == U'“' || c == U'”' || c == U'‘' || c == U'’') {
        s.key += c == U'“' || c == U'”' ? '"' : '\'';
      } else if (!is_blank(c)) {
        s.key.append(l, at, i - at);
      }
      if (c == U'。' || c == U'！' || c == U'？' || c == U'；') {
        s.end = i;
        const std::string_view text = std::string_view(l).substr(s.begin, s.end - s.begin);
        for (std::string_view n : {"一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是", "九是", "十是"})
          s.listed = s.listed || text.find(n) != std::string_view::npos;
        if (hans >= min_hans && !fixed_wording(text)) out.push_back(s);
        s = SeriesSentence{};
        s.line = li;
        s.begin = s.content = i;
        hans = 0;
        lead = true;
      }
    }
  }
  return out;
}

// A sentence's key as series_sentences makes it.
std::string sentence_key(std::string_view text) {
  std::string key;
  for (size_t i = 0; i < text.size();) {
    const size_t at = i;
    const char32_t c = decode_utf8(text, i);
    if ((c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19))
      key += '#';
    else if (c >= 0xFF01 && c <= 0xFF5E)
      key += static_cast<char>(c - 0xFEE0);
    else if (c == U'“' || c == U'”' || c == U'‘' || c == U'’')
      key += c == U'“' || c == U'”' ? '"' : '\'';
    else if (!is_blank(c))
      key.append(text, at, i - at);
  }
  return key;
}

int cp_column(const std::string& line, size_t byte) { return cp_len(std::string_view(line).substr(0, byte)) + 1; }

// cross.reuse on two texts, as the rule decides it: the share of this year's sentences found in
// last year's, and where the longest run of them starts (the first of the longest, in order).
std::optional<Defect> reuse_finding(const std::vector<SeriesSentence>& now, const std::vector<SeriesSentence>& then,
                                    const std::vector<std::string>& lines, const SeriesOptions& so) {
  if (now.size() < static_cast<size_t>(so.least_sentences)) return std::nullopt;
  std::set<std::string> seen;
  for (const auto& s : then) seen.insert(s.key);
  size_t reused = 0, best_first = 0, best_len = 0, run_first = 0, run_len = 0;
  for (size_t i = 0; i < now.size(); ++i) {
    if (!seen.count(now[i].key)) {
      run_len = 0;
      continue;
    }
    ++reused;
    if (run_len == 0) run_first = i;
    ++run_len;
    if (run_len > best_len) {
      best_len = run_len;
      best_first = run_first;
    }
  }
  if (reused * 100 < static_cast<size_t>(so.reuse_percent) * now.size() || best_len == 0) return std::nullopt;
  const SeriesSentence& s = now[best_first];
  return Defect{"cross.reuse", static_cast<int>(s.line) + 1,
                std::to_string(reused) + "/" + std::to_string(now.size()) + " sentences reused, longest run " +
                    std::to_string(best_len),
                cp_column(lines[s.line], s.begin)};
}

// Endings that make a sentence new without touching what it says about figures.
const std::vector<std::string_view> kNewEndings = {"，成效较为明显", "，取得了积极成效",   "，各项工作有序推进",
                                                   "，得到群众好评", "，工作质量稳步提升", "，落实情况良好",
                                                   "，取得预期效果", "，运行平稳有序",     "，为下一步工作打下基础"};

// This year's sentences against last year's: `want` of them replaced by last year's (verbatim),
// every other one that happens to be in last year's report made new with an ending. A sentence
// with a figure (the prose quotes the tables), the first of a line (it may follow a heading number)
// or an item of a list (一是…；二是…, text.enumeration reads their order) is neither copied nor
// replaced.
void set_reuse(std::vector<std::string>& lines, int title_line, const std::vector<std::string>& prev_lines,
               int prev_title_line, size_t want, Rng& rng, int min_hans) {
  const std::vector<SeriesSentence> then = series_sentences(prev_lines, prev_title_line, min_hans);
  std::set<std::string> seen;
  for (const auto& s : then) seen.insert(s.key);
  std::vector<SeriesSentence> now = series_sentences(lines, title_line, min_hans);
  std::set<std::string> here;
  for (const auto& s : now) here.insert(s.key);
  // Sources: last year's sentences without figures, not already in this year's text, once each.
  std::vector<const SeriesSentence*> sources;
  std::set<std::string> taken;
  for (const auto& s : then)
    if (!s.digits && !s.first && !s.listed && !here.count(s.key) && taken.insert(s.key).second) sources.push_back(&s);
  std::vector<size_t> targets;
  for (size_t i = 0; i < now.size(); ++i)
    if (!now[i].digits && !now[i].first && !now[i].listed) targets.push_back(i);
  rng.shuffle(sources);
  rng.shuffle(targets);
  const size_t n = std::min({want, sources.size(), targets.size()});
  std::vector<bool> copied(now.size(), false);
  // Edits from the end of each line backwards keep the earlier offsets valid.
  std::vector<std::pair<size_t, const SeriesSentence*>> edits;
  for (size_t k = 0; k < n; ++k) {
    copied[targets[k]] = true;
    edits.emplace_back(targets[k], sources[k]);
  }
  std::sort(edits.begin(), edits.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (const auto& [i, src] : edits) {
    const SeriesSentence& t = now[i];
    const std::string& from = prev_lines[src->line];
    lines[t.line].replace(t.content, t.end - t.content, from, src->content, src->end - src->content);
  }
  // The others: new when last year's report has them.
  now = series_sentences(lines, title_line, min_hans);
  for (size_t i = now.size(); i-- > 0;) {
    if (copied[i] || !seen.count(now[i].key)) continue;
    const SeriesSentence& s = now[i];
    std::string& l = lines[s.line];
    size_t mark = s.end;  // the end mark's first byte
    do --mark;
    while ((static_cast<unsigned char>(l[mark]) & 0xC0) == 0x80);
    std::vector<std::string_view> endings = kNewEndings;
    rng.shuffle(endings);
    for (std::string_view e : endings) {
      if (l.substr(s.content, s.end - s.content).find(e.substr(3)) != std::string::npos) continue;
      std::string candidate = l.substr(s.begin, mark - s.begin);
      candidate += e;
      candidate.append(l, mark, s.end - mark);
      if (seen.count(sentence_key(candidate))) continue;
      l.insert(mark, e);
      break;
    }
  }
}

// Years in the text moved on by one (a report published again under next year's title): a
// four-digit year followed by 年, outside the tables. Same length, so every position stays.
void shift_years(std::vector<std::string>& lines) {
  for (std::string& l : lines) {
    if (!l.empty() && l.back() == '|') continue;
    for (size_t i = 0; i + 4 < l.size(); ++i) {
      if (i > 0 && is_ascii_digit(l[i - 1])) continue;
      if (!(is_ascii_digit(l[i]) && is_ascii_digit(l[i + 1]) && is_ascii_digit(l[i + 2]) && is_ascii_digit(l[i + 3])))
        continue;
      if (i + 4 < l.size() && is_ascii_digit(l[i + 4])) continue;
      if (l.compare(i + 4, 3, "年") != 0) continue;
      const int y = std::stoi(l.substr(i, 4));
      if (y < 2000 || y > 2098) continue;
      l.replace(i, 4, std::to_string(y + 1));
      i += 3;
    }
  }
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  size_t at = 0;
  while (at < text.size()) {
    const size_t nl = text.find('\n', at);
    out.push_back(text.substr(at, nl - at));
    at = nl == std::string::npos ? text.size() : nl + 1;
  }
  return out;
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) {
    out += l;
    out += '\n';
  }
  return out;
}

const char* t3_column_name(size_t c) { return c < 6 ? kApplicantCols[c].data() : "总计"; }

}  // namespace

GeneratedSeries generate_series(uint64_t seed, const SeriesOptions& so) {
  Rng rng(mix_seed(seed, 0x5E41E5));   // agency, years and figures
  Rng drng(mix_seed(seed, 0x5E4DEF));  // which cross defects, and how
  Rng trng(mix_seed(seed, 0x5E4E7E));  // sentences copied and made new
  GeneratedSeries out;
  const int n = std::clamp(so.years, 2, 6);
  const int first = so.first_year ? std::clamp(so.first_year, 2020, 2026 - n) : rng.irange(2020, 2026 - n);
  SeriesYear sy;
  {  // the agency, drawn as generate_report draws one (the 2019/2021 bureaus)
    const std::string place(rng.pick(kPlaces));
    const std::string kind = place.substr(place.size() - 3);
    const double u = rng.unit();
    if (kind == "镇" || kind == "乡" || u < 0.35) {
      sy.agency = place + "人民政府";
      sy.we = rng.chance(0.7) ? "我" + kind : "本机关";
    } else if (u < 0.5) {
      sy.agency = place + "人民政府办公室";
      sy.we = "本机关";
    } else {
      const std::string bureau(rng.pick(kBureaus2019));
      sy.agency = place + bureau;
      const bool committee = bureau.size() >= 9 && bureau.compare(bureau.size() - 9, 9, "委员会") == 0;
      sy.we = rng.chance(0.7) ? (committee ? "我委" : "我局") : "本机关";
    }
  }
  out.agency = sy.agency;
  sy.title_form = rng.irange(0, 1);
  const int tier = volume_tier(rng);
  const int64_t scale = tier == 0 ? 1 : tier == 1 ? 5 : tier == 2 ? 30 : 150;
  GenOptions gopt;
  gopt.allow_traditional = false;

  std::vector<SeriesState> states;
  for (int k = 0; k < n; ++k) {
    const int year = first + k;
    const Regime regime = regime_of_year(year);
    SeriesState cur;
    cur.year = year;
    cur.f2021 = regime == Regime::gov2021;
    cur.spec = table3_spec(cur.f2021);
    const SeriesState* prev = k > 0 ? &states.back() : nullptr;
    // Every kind drawn in every year, so one kind's draw never moves another's.
    const bool want_identical = drng.chance(so.defect_rate * 0.5);
    const bool want_carry = drng.chance(so.defect_rate);
    const bool want_stock = drng.chance(so.defect_rate);
    const bool want_jump = drng.chance(so.defect_rate);
    const bool want_reuse = drng.chance(so.defect_rate);
    const bool identical = prev && want_identical && prev->f2021 == cur.f2021;
    GeneratedReport rep;
    if (identical) {
      // Last year's report published again: its text with the years moved on, its tables.
      cur = *prev;
      cur.year = year;
      shift_years(cur.lines);
      rep.text = join_lines(cur.lines);
      rep.regime = regime;
      rep.year = year;
    } else {
      if (!prev) {
        Table3 t3 = make_table3(rng, cur.f2021, tier);
        cur.t3 = t3.values;
        // What is carried out stays near what was carried in, as it will from year to year: next
        // year's 上年结转 is this year's 结转下年度, and must not jump from this year's 上年结转.
        const size_t in = t3_row(cur.spec, T3Role::carry_in), out = t3_row(cur.spec, T3Role::carry_out);
        for (size_t c = 0; c < 6; ++c) cur.t3[out][c] = drift(rng, cur.t3[in][c]);
        cap_other_rows(cur.t3, cur.spec, so.jump_least);
        settle_t3(cur.t3, cur.spec);
        cur.t4 = make_table4(rng, tier);
      } else {
        // Next year's figures drift from last year's; the carry-over in is last year's out. A draw
        // whose derived figures (本年新收, totals) jump all the same is drawn again.
        const size_t prev_out = t3_row(prev->spec, T3Role::carry_out);
        for (int attempt = 0;; ++attempt) {
          cur.t3.assign(cur.spec.size(), {});
          for (size_t r = 0; r < cur.spec.size(); ++r) {
            if (cur.spec[r].role != T3Role::result && cur.spec[r].role != T3Role::carry_out) continue;
            size_t pr = prev->spec.size();
            for (size_t q = 0; q < prev->spec.size(); ++q)
              if (prev->spec[q].label == cur.spec[r].label) pr = q;
            for (size_t c = 0; c < 6; ++c) cur.t3[r][c] = drift(rng, pr < prev->spec.size() ? prev->t3[pr][c] : 0);
          }
          const size_t in = t3_row(cur.spec, T3Role::carry_in);
          for (size_t c = 0; c < 6; ++c) cur.t3[in][c] = prev->t3[prev_out][c];
          cap_other_rows(cur.t3, cur.spec, so.jump_least);
          for (auto& g : cur.t4.groups) {
            g[4] = 0;
            for (size_t i = 0; i < 4; ++i) g[i] = 0;
          }
          for (size_t g = 0; g < 3; ++g) {
            for (size_t i = 0; i < 4; ++i) {
              cur.t4.groups[g][i] = drift(rng, prev->t4.groups[g][i]);
              cur.t4.groups[g][4] += cur.t4.groups[g][i];
            }
          }
          if (settle_t3(cur.t3, cur.spec) && jumps(*prev, cur, so.jump_factor, so.jump_least).empty()) break;
          if (attempt == 200) {  // not seen in 2,000 series; the jumps are then written down as found below
            const size_t in = t3_row(cur.spec, T3Role::carry_in), out = t3_row(cur.spec, T3Role::carry_out);
            if (!settle_t3(cur.t3, cur.spec)) {  // 本年新收 below 0: carry out what came in
              for (size_t c = 0; c < 6; ++c) cur.t3[out][c] = cur.t3[in][c];
              settle_t3(cur.t3, cur.spec);
            }
            break;
          }
        }
        if (want_carry) {  // 上年结转 of one column differs from last year's 结转下年度
          const size_t in = t3_row(cur.spec, T3Role::carry_in);
          const auto c = static_cast<size_t>(drng.range(0, 5));
          // Two statements: the order of two draws in one expression is the compiler's.
          const int64_t size = drng.range(1, 3);
          const int64_t d = drng.chance(0.5) ? size : -size;
          if (cur.t3[in][c] + d >= 0) {
            cur.t3[in][c] += d;
            if (!settle_t3(cur.t3, cur.spec)) {  // 本年新收 would go below 0: back
              cur.t3[in][c] -= d;
              settle_t3(cur.t3, cur.spec);
            }
          }
        }
        if (want_jump) {  // a result figure `factor` times last year's: a digit too many
          const size_t r = t3_row(cur.spec, T3Role::result);  // （一）予以公开
          const size_t pr = t3_row(prev->spec, T3Role::result);
          const auto c = static_cast<size_t>(drng.range(0, 1));
          cur.t3[r][c] = std::max<int64_t>(so.jump_least, prev->t3[pr][c] * so.jump_factor) + drng.range(0, 3);
          settle_t3(cur.t3, cur.spec);
        }
      }
      if (cur.f2021) {
        for (size_t row = 0; row < 2; ++row) {
          auto& a = cur.active[row];
          const bool chained = prev && prev->f2021;
          const int64_t before = chained ? prev->active[row][2] : 0;
          a[0] = row == 0 ? (rng.chance(0.7) ? 0 : rng.range(0, 3)) : rng.range(0, 5 * scale);
          a[1] = rng.range(0, std::min<int64_t>(before + a[0], row == 0 ? 2 : 3 * scale));
          a[2] = chained ? before + a[0] - a[1] : a[0] + rng.range(0, 40 * scale);
        }
        if (want_stock && prev && prev->f2021) {  // 现行有效件数 not carried on
          auto& a = cur.active[static_cast<size_t>(drng.range(0, 1))];
          // Two statements: the order of two draws in one expression is the compiler's.
          const int64_t size = drng.range(1, 5);
          const int64_t d = drng.chance(0.5) ? size : -size;
          if (a[2] + d >= 0) a[2] += d;
        }
      }
      sy.year = year;
      sy.t3 = cur.t3;
      sy.t4 = cur.t4;
      sy.active = cur.active;
      rep = generate_impl(mix_seed(seed, static_cast<uint64_t>(k)), regime, gopt, &sy, &cur.where);
      cur.lines = split_lines(rep.text);
      if (prev) {
        // A share of this year's sentences copied from last year's: below the threshold, or
        // (an injected reuse) well above it.
        const size_t total = series_sentences(cur.lines, cur.where.title_line, so.sentence_min).size();
        const double share = want_reuse ? (so.reuse_percent + 15 + static_cast<double>(trng.range(0, 15))) / 100.0
                                        : std::min(so.reuse_share, (so.reuse_percent - 10) / 100.0);
        const auto below = [&](double sh) {
          auto w = static_cast<size_t>(sh * static_cast<double>(total));
          while (w > 0 && w * 100 >= static_cast<size_t>(so.reuse_percent) * total) --w;
          return w;
        };
        const std::vector<std::string> drawn = cur.lines;
        set_reuse(cur.lines, cur.where.title_line, prev->lines, prev->where.title_line,
                  want_reuse ? static_cast<size_t>(share * static_cast<double>(total)) : below(share), trng,
                  so.sentence_min);
        if (want_reuse) {
          // Too few sentences to copy for a share clearly above the threshold: no reuse then, rather
          // than a share that a sentence more or less would put on either side of it.
          const auto now = series_sentences(cur.lines, cur.where.title_line, so.sentence_min);
          const auto then = series_sentences(prev->lines, prev->where.title_line, so.sentence_min);
          std::set<std::string> seen;
          for (const auto& t : then) seen.insert(t.key);
          size_t reused = 0;
          for (const auto& t : now) reused += seen.count(t.key);
          if (reused * 100 < static_cast<size_t>(so.reuse_percent + 5) * now.size()) {
            cur.lines = drawn;
            set_reuse(cur.lines, cur.where.title_line, prev->lines, prev->where.title_line,
                      below(std::min(so.reuse_share, (so.reuse_percent - 10) / 100.0)), trng, so.sentence_min);
          }
        }
        rep.text = join_lines(cur.lines);
      }
    }

    // The cross findings this report gives against last year's, from the figures as printed.
    if (prev) {
      const auto cell = [&](std::string rule, CellPos p, std::string detail) {
        rep.defects.push_back({std::move(rule), p.line, std::move(detail), p.column});
      };
      const size_t in = t3_row(cur.spec, T3Role::carry_in), prev_out = t3_row(prev->spec, T3Role::carry_out);
      for (size_t c = 0; c < 7; ++c) {
        if (cur.t3[in][c] != prev->t3[prev_out][c])
          cell("cross.carry", cur.where.t3[in][c],
               std::string("上年结转/") + t3_column_name(c) + " " + std::to_string(cur.t3[in][c]) + ", last year " +
                   std::to_string(prev->t3[prev_out][c]));
      }
      if (cur.f2021 && prev->f2021) {
        for (size_t row = 0; row < 2; ++row) {
          const auto& a = cur.active[row];
          const int64_t expected = prev->active[row][2] + a[0] - a[1];
          if (a[2] != expected)
            cell("cross.stock", cur.where.stock[row],
                 std::string(row == 0 ? "规章" : "行政规范性文件") + " 现行有效 " + std::to_string(a[2]) +
                     ", expected " + std::to_string(expected));
        }
      }
      for (const auto& [r, c] : jumps(*prev, cur, so.jump_factor, so.jump_least)) {
        const auto col = static_cast<size_t>(c);
        if (r >= 0)
          cell("cross.jump", cur.where.t3[static_cast<size_t>(r)][col],
               strip_numbering(cur.spec[static_cast<size_t>(r)].label) + "/" + t3_column_name(col));
        else
          cell("cross.jump", cur.where.t4[static_cast<size_t>(-1 - r)][col],
               std::string(kT4Groups[static_cast<size_t>(-1 - r)]) + "/" + std::string(kT4Cols[col]));
      }
      const auto now = series_sentences(cur.lines, cur.where.title_line, so.sentence_min);
      const auto then = series_sentences(prev->lines, prev->where.title_line, so.sentence_min);
      if (auto d = reuse_finding(now, then, cur.lines, so)) rep.defects.push_back(std::move(*d));
      if (identical)
        rep.defects.push_back({"cross.identical", cur.where.title_line, "last year's report published again", 1});
      std::stable_sort(rep.defects.begin(), rep.defects.end(), [](const Defect& a, const Defect& b) {
        return std::tie(a.line, a.column) < std::tie(b.line, b.column);
      });
    }
    out.reports.push_back(std::move(rep));
    states.push_back(std::move(cur));
  }
  return out;
}

std::vector<std::string> unclassified_characters(int samples) {
  std::set<char32_t> seen;
  auto scan = [&](std::string_view s) {
    for (char32_t c : decode_all(s))
      if (is_ideograph(c)) seen.insert(c);
  };
  // Every table of the vocabulary, so rare picks are covered without sampling luck…
  for (int t = 0; t < kTopicCount; ++t)
    for (auto s : topic_pool(static_cast<Topic>(t))) scan(s);
  for (const StrList* l : {&kProblemClauses,    &kImproveClauses,  &kProblemLeads,    &kImproveLeads,
                           &kPlanSentences,     &kPeriodSentences, &kBasisSentences,  &kBasisSentences2019,
                           &kContactSentences,  &kLeadOut,         &kPlaces,          &kBureaus2007,
                           &kBureaus2019,       &kOverviewSubs,    &kActiveSubs2007,  &kRequestSubs2007,
                           &kFeesSubs2007,      &kReviewSubs2007,  &kOtherSubs2007,   &kOtherSubs2019,
                           &kItemTitles,        &kItemSentences,   &kReviewFacts2007, &kT4Cols,
                           &kSumLeads,          &kSumParts,        &kSumOthers,       &kPercentSentences,
                           &kReceivedSentences, &kDoubledWords})
    for (auto s : *l) scan(s);
  for (const auto& [ch, py] : kPinyin) scan(ch);
  for (const auto* v : {&kRequired2007, &kRequired2019})
    for (const auto& spec : *v)
      for (auto s : spec.titles) scan(s);
  // …and generated text, for the literals inside the builders.
  GenOptions o;
  o.defect_rate = 1.0;
  o.content_defect_rate = 1.0;
  o.allow_traditional = false;
  for (Regime r : {Regime::gov2007, Regime::gov2019, Regime::gov2021})
    for (int i = 0; i < samples; ++i) scan(generate_report(mix_seed(0x5E1FC4EC, static_cast<uint64_t>(i)), r, o).text);
  // The crawl layout's page chrome and header block.
  o.table_layout = TableLayout::crawl;
  for (Regime r : {Regime::gov2007, Regime::gov2019, Regime::gov2021})
    for (int i = 0; i < samples / 8; ++i) scan(generate_report(mix_seed(0xC4A71, static_cast<uint64_t>(i)), r, o).text);

  std::set<char32_t> known;
  for (const auto& [s, t] : s2t_map()) known.insert(s);
  for (char32_t c : decode_all(kSameInBoth)) known.insert(c);
  std::vector<std::string> out;
  for (char32_t c : seen) {
    if (known.count(c)) continue;
    std::string u;
    encode_utf8(c, u);
    out.push_back(std::move(u));
  }
  return out;
}

}  // namespace gklint::bench
