using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CorpusKit.Evaluation;
using CorpusKit.Testing;
using NewsDesk;
using Xunit;

namespace NewsDesk.Tests;

/// <summary>
/// NewsDesk on the hundred and fifty-four articles written apart from the seeds (samples/NewsDesk/articles, gold in
/// articles.gold.jsonl), scored apart from them: the report is a reviewed snapshot, and no type's
/// overlap F1 may fall below the level reached. These texts guided the rules written for
/// generalisation (105 to 253 were each scored blind first, then joined them), so their scores are
/// a development figure; unseen news is scored elsewhere.
/// </summary>
public sealed class NewArticleTests
{
    /// <summary>The overlap F1 each type reached on the new articles.</summary>
    private static readonly Dictionary<string, double> s_floors = new(StringComparer.Ordinal)
    {
        ["Date"] = 0.98,   // 0.995: a Solar Hijri date, and the ه of هـ outside Hijri dates' spans (exact only); 0.990 with 138 to 141; 0.9897 with 142 to 145 (a second Solar Hijri date, in Persian digits and month: ۲۵ شهریور ۱۴۰۴ هـ.ش); 0.990 with 146 to 149; 0.993 with 150 to 153 (Solar Hijri dates read); 0.992 with 154 to 157; 0.993 with 158 to 161; 0.995 with years after a season; 0.996 with 162 to 165, with 166 to 169, with 170 to 173, with 174 to 177 (ranges after بين, غرة) and with 178 to 181 (seasons of two years); 0.996 with 182 to 185 (a year after the Maghreb's في أفق) and with 186 to 189 (Mauritania's months, the year of an event), 190 to 193 and 194 to 197; 0.997 with 198 to 205; 0.996 with 210 to 213 (a year of three digits), with 214 to 217, with 218 to 221, with 222 to 225, with 226 to 229 and with 230 to 233 (a month that runs on into a word: 10 آبار); 0.997 with 234 to 237, with 238 to 241 and with 242 to 245 (an Arabic comma before the year, a slash pair after an ordinal day) and with 246 to 249; 0.997 with 250 to 253 (a crisis's year, the era's م after a digit dateline)
        ["Organization"] = 0.92, // 0.945 before 134 to 137: companies named again by an alias in guillemets («مصدر»); 0.929 with 138 to 141; 0.939 with 142 to 145 (a university named after a person); 0.926 with 146 to 149 (Kurdish and Pakistani bodies); 0.930 with 150 to 153; 0.926 with 154 to 157 (companies named again by a short alias); 0.927 with 158 to 161; 0.942 with aliases in guillemets found again; 0.944 with 162 to 165; 0.943 with 166 to 169; 0.941 with 170 to 173; 0.941 with 174 to 177 (universities, municipalities, armed forces); 0.934 with 178 to 181 (Sudanese and Jordanian bodies, outlets in a dateline after a dash); 0.936 with 182 to 185 (a second purpose, societies, companies in guillemets after مجموعة); 0.936 with 186 to 189 (companies by their trade, constructs after a head noun, institutes of a place, clubs); 0.941 with 190 to 193 (outlets in quotation marks, captions' credits, aliases in parentheses found again); 0.944 with aliases after any definite word; 0.942 with 194 to 197 (a film commission, veterinary laboratories, a police force's customs); 0.951 with 198 to 205 and the region's state companies, universities and authorities listed; 0.950 with 210 to 213 (airlines, outlets and academies by name alone); 0.948 with 214 to 217 (Sudan's schemes, bodies by a short name in marks); 0.950 with 218 to 221 (companies in guillemets without a head, a stud farm's office); 0.952 with joint committees refused; 0.950 with 222 to 225 (a museum named after a king, a foundation after a president); 0.951 with bodies named after a person by a given name; 0.953 with 226 to 229 (outlets crediting their own report, a state's Red Crescent, Libya's governments); 0.952 with 230 to 233 (federations named by their place, a Tunisian state group, outlets of a dateline no list holds); 0.953 with 234 to 237 (a subsidiary in guillemets, a university named after a person no list holds); 0.952 with 238 to 241 (airlines by a short name, a hospital's centre read as a body) and with 242 to 245 (a definite outlet name not found again before an adjective, a department its parent describes refused) and with 246 to 249 (outlets by a media word, an airline, a state news service); 0.953 with 250 to 253 (exchanges, an outlet named with 24, a society by its head noun)
        ["Person"] = 0.94,  // 0.970 with 122 to 125, 0.955 with 134 to 137: Turkish names of four words after long titles; 0.958 with 138 to 141 and with 142 to 145; 0.949 with 146 to 149 (names of four words, a name in Persian letters after a spokeswoman); 0.949 with 150 to 153 (a Chinese name after a title of an autonomous region's government); 0.948 with 154 to 157; 0.945 with 158 to 161 (بندر عباس read as a person); 0.947 with 162 to 165; 0.948 with 166 to 169; 0.949 with 170 to 173; 0.947 with 174 to 177 (a Chinese name after a spokeswoman of an unlisted body, a byline alone on its line); 0.941 with 178 to 181 (names after titles of unlisted bodies); 0.946 with 182 to 185 (family names with the article after a title, bylines beside the dateline); 0.947 with 186 to 189 (Mauritanian names joined by ولد and منت, a consul's long title); 0.950 with 190 to 193 (a chargé d'affaires, a first name with the article after الدكتور); 0.948 with 194 to 197 (names after a spokesman's title of an unlisted body, Russian names that begin with ال once normalized); 0.959 with 198 to 205 (a match across a body's name keeps no name out); 0.964 with 210 to 213 and 1,367 more given names; 0.962 with 214 to 217 (names with the article in their middle); 0.968 with given names written with a hamza, ministers of several domains; 0.969 with 218 to 221; 0.968 with 222 to 225 (a byline's name, a Moroccan name of three words with the article); 0.969 with no person inside a body named after one; 0.968 with 226 to 229 (a Chinese family name alone, a border crossing's director) and with 230 to 233 (players by their nisba); 0.969 with 234 to 237 (officials of bodies only a rule finds, students and fishermen quoted) and with 238 to 241 (a hospital named after a person refused, a name of four words before بن); 0.969 with 242 to 245 (a judge, a governor, a consul posted to a country in another, a musician by their art, a name before ، وهو); 0.968 with 246 to 249 (Tunisian, Syrian and Pakistani names whose first word is no listed given name) and with a first given name that is also a word read before a listed one (exact 0.933 to 0.940); 0.967 with 250 to 253 (a posting لدى a titled state in a long title; not read: Lebanese names whose family name is also a word); 0.971 with Chinese names read wherever they stand (chinese-name: ten more names)
        ["Place"] = 0.95,  // 0.974 before 130 to 133: stations, pipelines and ports named by places the gazetteer lacks; 0.960 with 138 to 141 (Iraqi towns); 0.962 with 142 to 145; 0.956 with 146 to 149 (Algerian and Kurdish towns); 0.952 with 150 to 153 (Kyrgyz, Tajik and Mongolian border towns); 0.954 with 154 to 157; 0.952 with 158 to 161 (عمان for Amman); 0.957 with 162 to 165 (Algerian wilayas and Iraqi towns listed); 0.958 with 166 to 169; 0.959 with 170 to 173; 0.961 with 174 to 177 (السعودية as an adjective refused; Tunisian governorates listed); 0.959 with 178 to 181 (Mongolian provinces, عمان for Amman, accusative adjectives read as countries: منغولياً); 0.960 with 182 to 185 (the region's governorates and cities listed); 0.962 with 186 to 189 (the Maghreb's, the Sahel's and the Levant's places listed) and with 190 to 193 (the world's capitals listed; islands and mountains without their head noun); 0.961 with 194 to 197 (خصب, a town that is a common word); 0.963 with 198 to 205 (district towns listed, a place's article part of its name); 0.965 with 210 to 213 (towns after a dual noun, found again without it); 0.967 with Oman and Amman as written, with 214 to 217 and with 218 to 221 (a stud farm named by its town); 0.966 with 222 to 225 (Tajik districts, Moroccan oases); 0.967 with 226 to 229 (Kurdistan as Kurdish outlets write it; Libyan and Mauritanian towns); 0.966 with 230 to 233 (Palestinian villages, Iraqi and Iranian border towns); 0.967 with 234 to 237 (Somali coastal towns in a list, towns ending in آباد); 0.966 with 238 to 241 (Georgian resorts, Yemeni districts after مديرية); 0.967 with 242 to 245 (a port written مرفأ); 0.968 with 246 to 249 (Chad's provinces and towns listed, time zones refused); 0.969 with 250 to 253 and 727 places listed systematically (towns named with دير)
        ["Quote"] = 0.97,  // 0.981 to 210 to 213; 0.9797 with 214 to 217 (three partial quotes that end a sentence begun outside the marks: …، "وهو ما يعيد …"); 0.980 with 218 to 221; 0.979 with 222 to 225; 0.980 with 226 to 229 and with 230 to 233; 0.981 with 234 to 237 and with 238 to 241; 0.980 with 242 to 245; 0.979 with 246 to 249 (partial quotes after أن and a reporting participle); 0.995 with quotes that end a clause begun by أن or إن far before them (after-cue-far); 0.994 with 250 to 253
        ["Source"] = 0.95,  // 0.979 with 134 to 137; 0.974 with 138 to 141 (a closing TRT credit, a state paper); 0.969 with 142 to 145 (a publisher in a dateline); 0.9597 with 146 to 149 (a paper quoted by its name, a publisher in a dateline); 0.958 with 150 to 153; 0.965 with 154 to 157; 0.962 with 158 to 161; 0.967 with 162 to 165; 0.966 with 166 to 169; 0.962 with 170 to 173; 0.962 with 174 to 177 (an unlisted paper credited in a dateline); 0.959 with 178 to 181 (papers named in a dateline after a dash); 0.964 with 182 to 185 (a news portal after a dateline's dash) and with 186 to 189; 0.970 with 190 to 193 (papers and channels in quotation marks after a reporting verb, one-word names after a dateline's dash) and with 194 to 197; 0.971 with 198 to 205 and with 210 to 213; 0.967 with 214 to 217 (agencies' aliases after a Source, an own outlet's dateline without marks); 0.964 with 218 to 221 (an agency named خدمة الأنباء, an outlet that is a town's name) and with 222 to 225; 0.967 with 226 to 229 (an outlet's own report: (عدن الغد) خاص); 0.966 with 230 to 233 (outlets no list holds after a dateline's dash) and with 234 to 237; 0.967 with an outlet a translation credit names and with 238 to 241; 0.968 with a staff byline in marks read as no Source (240) and with 242 to 245; 0.967 with 246 to 249 (a dateline in braces); 0.966 with 250 to 253 (not read: an outlet's credit above its section, المدن - اقتصاد)
    };

    [Fact]
    public void Evaluation_report_against_the_gold()
        => Snapshot.Verify(Report().ToText(details: true, ReportView.PerArticle));

    [Fact]
    public void Overlap_f1_of_every_type_stays_at_the_level_reached()
    {
        EvaluationReport report = Report();
        Assert.Equal(s_floors.Keys.Order(), report.Types.Select(t => t.Type).Order());
        foreach ((string type, double floor) in s_floors)
        {
            TypeScore score = report.For(type)!;
            Assert.True(score.Overlap.F1 >= floor, $"{type}: overlap F1 {score.Overlap.F1:0.000} fell below {floor:0.000}.\n{report.ToText()}");
        }
    }

    /// <summary>
    /// Who said each quote of the new articles: 717 of 800 are right now (161 of 100 to 137's 177; 18 of 138 to 141's 19; 25 of 142 to 145's 26; 21 of 146 to 149's 27; 18 of 150 to 153's 20; 25 of 154 to 157's 27; 21 of 158 to 161's 21; 18 of 162 to 165's 20; 21 of 166 to 169's 22; 21 of 170 to 173's 25; 21 of 174 to 177's 23; 20 of 178 to 181's 23; 21 of 182 to 185's 23; 20 of 186 to 189's 24; 19 of 190 to 193's 20; 13 of 194 to 197's 20; 19 of 198 to 201's 21; 17 of 202 to 205's 18; 20 of 206 to 209's 22; 16 of 210 to 213's 17; 17 of 214 to 217's 23; 19 of 218 to 221's 21; 15 of 222 to 225's 19; 18 of 226 to 229's 19; 13 of 230 to 233's 14; 15 of 234 to 237's 16; 18 of 238 to 241's 19; 18 of 242 to 245's 23; 21 of 246 to 249's 23; 21 of 250 to 253's 28). 711 of 800 before Chinese names were read wherever they stand (chinese-name); 690 of 772 before 250 to 253; 671 of 748 before partial quotes far from their cue were read (after-cue-far: 24 more quotes, 18 more speakers right); 664 of 748 before a name's first given name that is also a word was read (given-name-word); 648 of the first 727 before 246 to 249; 631 of the first 705 before 242 to 245; 610 of the first 687 before 238 to 241; 596 of the first 671 before 234 to 237; 582 of the first 657 before 230 to 233; 564 of the first 638 before 226 to 229; 553 of the first 621 before 222 to 225; 536 of the first 601 before 218 to 221; 527 of the first 600 before hamzated given names (إلنور), outlets of a dateline found again (رووداو) and ministers' long titles; 514 of the first 580 before 214 to 217; 492 of the first 563 before 1,367 more given names and ambassadors' postings; 430 of the first 505 before the speaker of a quote after an abbreviation (هـ.ش) and bodies in titles were read.
    /// 393 before a speaker named by the last words of a fuller name in the document was taken for the
    /// person of that name (القنصل التركي أوزتورك أوغلو after مراد أوزتورك أوغلو; بن عياد; أبو حسان).
    /// </summary>
    [Fact]
    public void Quote_speakers_stay_at_the_level_reached()
    {
        EvaluationReport report = Report();
        IReadOnlyList<AttributeScore> speakers = report.AttributeScores("Quote.speaker");
        Assert.Equal(800, speakers.Sum(s => s.Compared));
        Assert.True(speakers.Sum(s => s.Right) >= 717, report.ToText(details: true, "Quote.speaker"));
    }

    private static EvaluationReport Report()
    {
        var problems = new List<string>();
        List<Mention> gold = Mention.ReadFile(Repository.NewArticlesGold, problems);
        Assert.Empty(problems);
        List<Article> articles = [.. Repository.NewArticleFiles.Select(path => NewsDeskCorpus.Instance.Extract(File.ReadAllText(path), Path.GetFileName(path)))];
        Assert.Equal(154, articles.Count);
        return EvaluationReport.Compare(gold, Mentions.Of(articles));
    }
}
