# One-off generator kept for the record: writes data/helplines/*.json from compact tables.
# Edit the JSON files directly from now on; this script documents where each label came from.
import json
def L(nb, da, en): return {"nb": nb, "da": da, "en": en}
def cat(code, nb, da, en, **kw): return {"code": code, "label": L(nb, da, en), **kw}

weekdays = [1,2,3,4,5]
rk = {
 "id": "rode-kors-telefonen",
 "name": L("Røde Kors-telefonen om negativ sosial kontroll og æresrelatert vold",
           "Røde Kors-telefonen om negativ social kontrol og æresrelateret vold",
           "Red Cross helpline on negative social control and honour-related violence"),
 "timeZone": "Europe/Oslo",
 "source": "Seed 002, Rapport 2022, sections 2.1 (channels, hours), 3.1 (external bodies), 4.1 (categories)",
 "channels": [
  {"channel": "telephone", "openingHours": [{"days": weekdays, "opens": "09:00", "closes": "16:00"}]},
  {"channel": "email", "openingHours": [{"days": weekdays, "opens": "09:00", "closes": "16:00"}]},
  {"channel": "walk_in", "openingHours": [{"days": weekdays, "opens": "09:00", "closes": "16:00"}]},
  {"channel": "whatsapp", "openingHours": [{"days": weekdays, "opens": "09:00", "closes": "16:00"}]},
  {"channel": "chat", "openingHours": [{"days": [1,5], "opens": "09:00", "closes": "15:30"}]},
  {"channel": "voicemail", "openingHours": [{"days": [1,2,3,4,5,6,7], "opens": "00:00", "closes": "24:00"}]}
 ],
 "taxonomy": {
  "validFrom": "2015-01-01",
  "who": [
   cat("person_affected", "Personen selv (utsatt)", "Personen selv (udsat)", "The person affected"),
   cat("family", "Familie", "Familie", "Family"),
   cat("wider_network", "Øvrig nettverk", "Øvrigt netværk", "Wider network (friends, partner)"),
   cat("other_organisation", "Andre organisasjoner", "Andre organisationer", "Other organisations"),
   cat("professional", "Fagperson i hjelpeapparatet (lærer, helsesykepleier, NAV, politi)", "Fagperson (lærer, sundhedsplejerske, NAV, politi)", "Professional (teacher, school nurse, NAV, police)")
  ],
  "age_group": [
   cat("under_18", "Under 18 år", "Under 18 år", "Under 18", minAge=0, maxAge=17),
   cat("over_18", "Over 18 år", "Over 18 år", "18 or over", minAge=18, maxAge=120)
  ],
  "gender": [
   cat("kvinne", "Kvinne", "Kvinde", "Woman"),
   cat("mann", "Mann", "Mand", "Man"),
   cat("transperson", "Transperson", "Transperson", "Transgender person")
  ],
  "body_type": [
   cat("school", "Skole / minoritetsrådgiver", "Skole / minoritetsrådgiver", "School / minority adviser"),
   cat("health", "Helsestasjon / helsetjeneste", "Sundhedspleje / sundhedsvæsen", "Health centre / health service"),
   cat("nav", "NAV", "NAV", "NAV (labour and welfare)"),
   cat("child_welfare", "Barnevern", "Børneværn", "Child welfare"),
   cat("police", "Politi", "Politi", "Police"),
   cat("crisis_centre", "Krisesenter", "Krisecenter", "Crisis centre"),
   cat("housing_programme", "Bo- og støttetilbud", "Bo- og støttetilbud", "Housing and support programme"),
   cat("kompetanseteamet", "Kompetanseteamet mot tvangsekteskap og kjønnslemlestelse", "Kompetanseteamet mod tvangsægteskab og kønslemlæstelse", "Expert team on forced marriage and FGM"),
   cat("family_counselling", "Familievern", "Familierådgivning", "Family counselling"),
   cat("udi", "UDI", "UDI", "UDI (immigration)"),
   cat("lawyer", "Advokat", "Advokat", "Lawyer"),
   cat("municipality", "Kommune / annen offentlig instans", "Kommune / anden offentlig instans", "Municipality / other public body"),
   cat("voluntary_org", "Frivillig organisasjon", "Frivillig organisation", "Voluntary organisation"),
   cat("research_media", "Forskning, media eller politikk", "Forskning, medier eller politik", "Research, media or politics"),
   cat("other", "Annet", "Andet", "Other")
  ],
  "theme": [
   cat("negativ_sosial_kontroll", "Negativ sosial kontroll", "Negativ social kontrol", "Negative social control"),
   cat("andre_aeresrelatert_vold", "Andre former for æresrelatert vold", "Andre former for æresrelateret vold", "Other honour-related violence"),
   cat("tvangsekteskap", "Tvangsekteskap", "Tvangsægteskab", "Forced marriage", subthemes=[
     cat("te_planlagt", "Planlagt eller truet tvangsekteskap", "Planlagt eller truet tvangsægteskab", "Planned or threatened forced marriage"),
     cat("te_i_ekteskap", "Lever i tvangsekteskap", "Lever i tvangsægteskab", "Living in a forced marriage"),
     cat("te_vold_ved_brudd", "Vold eller trusler ved ønske om å gå ut av ekteskapet", "Vold eller trusler ved ønske om at forlade ægteskabet", "Violence or threats when wanting to leave the marriage"),
     cat("te_utfrysning", "Trussel om utfrysning ved å ikke gifte seg", "Trussel om udstødelse ved ikke at gifte sig", "Threat of exclusion for refusing to marry")
   ]),
   cat("ufrivillig_utenlandsopphold", "Ufrivillig utenlandsopphold", "Ufrivilligt udlandsophold", "Involuntary stay abroad", subthemes=[
     cat("uu_i_utlandet", "Befinner seg i utlandet mot sin vilje", "Opholder sig i udlandet mod sin vilje", "Held abroad against their will"),
     cat("uu_trussel", "Trussel om ufrivillig utenlandsopphold", "Trussel om ufrivilligt udlandsophold", "Threat of an involuntary stay abroad")
   ]),
   cat("etterlatt_i_utlandet", "Etterlatt i utlandet", "Efterladt i udlandet", "Left behind abroad"),
   cat("kjonnslemlestelse", "Kjønnslemlestelse", "Kønslemlæstelse", "Female genital mutilation"),
   cat("jomfruhinne", "Jomfruhinne", "Jomfruhinde", "Hymen / virginity"),
   cat("vold_i_nare_relasjoner", "Vold i nære relasjoner", "Vold i nære relationer", "Domestic violence"),
   cat("annet", "Annet", "Andet", "Other")
  ]
 }
}

def themes(rows):
    out=[]
    for code, label, subs in rows:
        out.append(cat(code, *label, subthemes=[cat(f"{code}_{s}", *sl) for s, sl in subs]))
    return out

U = ("uspesifisert", ("Uspesifisert / annet", "Uspecificeret / andet", "Unspecified / other"))
kph_themes = themes([
 ("savnet", ("Savnede barn", "Forsvundne børn", "Missing children"), [
   ("bortforing", ("Bortføring", "Bortførelse", "Abduction")), ("savnet", ("Savnet / borte", "Forsvundet", "Lost / missing")), ("rymt", ("Rømt hjemmefra", "Stukket af hjemmefra", "Runaway")), U]),
 ("vold", ("Vold og overgrep", "Vold og overgreb", "Violence"), [
   ("mobbing", ("Mobbing", "Mobning", "Bullying")), ("tvangsekteskap", ("Barneekteskap / tvangsekteskap", "Børneægteskab / tvangsægteskab", "Child, early or forced marriage")),
   ("barnearbeid", ("Barnearbeid", "Børnearbejde", "Child labour")), ("seksuell_utnytting", ("Kommersiell seksuell utnytting", "Kommerciel seksuel udnyttelse", "Commercial sexual exploitation (offline)")),
   ("kjonnslemlestelse", ("Kjønnslemlestelse", "Kønslemlæstelse", "Female genital mutilation")), ("skadelig_tradisjon", ("Andre skadelige tradisjoner", "Andre skadelige traditioner", "Other harmful traditional practices")),
   ("omsorgssvikt", ("Omsorgssvikt", "Omsorgssvigt", "Neglect")), ("nettovergrep", ("Seksuelle overgrep og utnytting på nett", "Seksuelle overgreb og udnyttelse på nettet", "Online child sexual abuse and exploitation")),
   ("fysisk", ("Fysisk vold", "Fysisk vold", "Physical violence")), ("psykisk", ("Psykisk / emosjonell vold", "Psykisk / følelsesmæssig vold", "Psychological / emotional violence")), ("seksuell", ("Seksuelle overgrep", "Seksuelle overgreb", "Sexual violence")), U]),
 ("psykisk_helse", ("Psykisk helse", "Mental sundhed", "Mental health"), [
   ("rus", ("Rus og avhengighet", "Rusmidler og afhængighed", "Addictive behaviours and substance use")), ("atferd", ("Atferdsvansker", "Adfærdsvanskeligheder", "Behavioural problems")),
   ("selvbilde", ("Bekymringer om seg selv", "Bekymringer om sig selv", "Concerns about the self")), ("folelser", ("Følelsesmessig uro (sinne, angst, humør)", "Følelsesmæssig uro (vrede, angst, humør)", "Emotional distress (anger, fear/anxiety, mood)")),
   ("nevroutvikling", ("Nevroutviklingsforstyrrelser", "Neuroudviklingsforstyrrelser", "Neurodevelopmental")), ("spising", ("Spiseproblemer", "Spiseproblemer", "Eating")),
   ("selvskading", ("Selvskading", "Selvskade", "Self-harm")), ("selvmord", ("Selvmordstanker og -forsøk", "Selvmordstanker og -forsøg", "Suicidal thoughts and attempts")), ("traume", ("Traumer", "Traumer", "Traumatic distress")), U]),
 ("fysisk_helse", ("Fysisk helse", "Fysisk sundhed", "Physical health"), [
   ("generell", ("Generell helse", "Generel sundhed", "General medical")), ("hiv", ("Informasjon om hiv/aids", "Information om hiv/aids", "HIV/AIDS information")), ("ernaering", ("Ernæring", "Ernæring", "Nutrition")),
   ("graviditet", ("Graviditet", "Graviditet", "Pregnancy and maternal health")), ("seksuell_helse", ("Seksuell og reproduktiv helse", "Seksuel og reproduktiv sundhed", "Sexual and reproductive health")), U]),
 ("tjenester", ("Tilgang til tjenester", "Adgang til tjenester", "Access to services"), [
   ("utdanning", ("Utdanning", "Uddannelse", "Education")), ("grunnleggende_behov", ("Grunnleggende behov", "Basale behov", "Essential needs")), ("helsetjenester", ("Helsetjenester", "Sundhedsydelser", "General healthcare")),
   ("juridisk", ("Juridisk hjelp", "Juridisk hjælp", "Legal")), ("psykisk_helsevern", ("Psykisk helsevern", "Psykiatrisk hjælp", "Mental health services")), ("seksuell_helse", ("Seksuell helse", "Seksuel sundhed", "Sexual health services")), ("okonomi", ("Sosioøkonomisk", "Socioøkonomisk", "Socio-economic")), U]),
 ("diskriminering", ("Diskriminering og utenforskap", "Diskrimination og eksklusion", "Discrimination and exclusion"), [
   ("etnisitet", ("Etnisitet / nasjonalitet", "Etnicitet / nationalitet", "Ethnicity / nationality")), ("okonomi", ("Økonomisk situasjon", "Økonomisk situation", "Financial situation")), ("kjonn", ("Kjønn", "Køn", "Gender")),
   ("kjonnsidentitet", ("Kjønnsidentitet eller seksuell orientering", "Kønsidentitet eller seksuel orientering", "Gender identity or sexual orientation")), ("helse", ("Helse", "Helbred", "Health")), ("tro", ("Tro og livssyn", "Tro", "Beliefs")), U]),
 ("familie", ("Familieforhold", "Familieforhold", "Family relationships"), [
   ("adopsjon", ("Adopsjon / fosterhjem / slekt", "Adoption / pleje / slægt", "Adoption, fostering, extended-family placement")), ("familiens_helse", ("Helse i familien", "Sundhed i familien", "Family health")),
   ("generelt", ("Generelt", "Generelt", "General")), ("omsorgsperson", ("Forhold til omsorgsperson", "Forhold til omsorgsperson", "Relationship to caregiver")), ("sosken", ("Søsken", "Søskende", "Siblings")), U]),
 ("venner", ("Forhold til jevnaldrende", "Forhold til jævnaldrende", "Peer relationships"), [
   ("klassekamerater", ("Klassekamerater / kolleger", "Klassekammerater / kolleger", "Classmates / colleagues")), ("venner", ("Venner", "Venner", "Friends")), ("kjaereste", ("Kjæreste", "Kæreste", "Partner")), U]),
 ("skole_arbeid", ("Skole og arbeid", "Skole og arbejde", "Education and occupation"), [
   ("skolefag", ("Skolefaglig", "Fagligt", "Academic")), ("arbeid", ("Arbeid", "Arbejde", "Work")), ("laerere", ("Lærere / skolen", "Lærere / skolen", "Teachers / school")), U]),
 ("seksualitet", ("Seksualitet", "Seksualitet", "Sexuality"), [
   ("atferd", ("Seksuell atferd", "Seksuel adfærd", "Behaviours")), ("orientering", ("Orientering / identitet", "Orientering / identitet", "Orientation / identity")), U]),
])

kph = {
 "id": "kors-pa-halsen",
 "name": L("Kors på halsen", "Kors på halsen", "Kors på halsen (Red Cross child helpline)"),
 "timeZone": "Europe/Oslo",
 "source": "Seed 000 (L764-790: telephone, message service and chat, anonymous, all children); categories: docs/reference/child-helpline-categories.md (Child Helpline International). Opening hours are not in the seeds: configured here as weekday evenings, to be set by the helpline's administrator.",
 "channels": [
  {"channel": "telephone", "openingHours": [{"days": weekdays, "opens": "14:00", "closes": "22:00"}]},
  {"channel": "chat", "openingHours": [{"days": weekdays, "opens": "14:00", "closes": "22:00"}]},
  {"channel": "email", "openingHours": [{"days": [1,2,3,4,5,6,7], "opens": "00:00", "closes": "24:00"}]}
 ],
 "taxonomy": {
  "validFrom": "2015-01-01",
  "who": [
   cat("child", "Barnet / ungdommen selv", "Barnet / den unge selv", "The child or young person"),
   cat("friend", "Venn", "Ven", "Friend"),
   cat("parent", "Forelder / omsorgsperson", "Forælder / omsorgsperson", "Parent / caregiver"),
   cat("other_adult", "Annen voksen", "Anden voksen", "Other adult"),
   cat("professional", "Fagperson", "Fagperson", "Professional")
  ],
  "age_group": [
   cat("age_0_9", "0–9 år", "0–9 år", "0–9", minAge=0, maxAge=9),
   cat("age_10_12", "10–12 år", "10–12 år", "10–12", minAge=10, maxAge=12),
   cat("age_13_15", "13–15 år", "13–15 år", "13–15", minAge=13, maxAge=15),
   cat("age_16_17", "16–17 år", "16–17 år", "16–17", minAge=16, maxAge=17),
   cat("age_18_plus", "18 år eller eldre", "18 år eller ældre", "18 or over", minAge=18, maxAge=120)
  ],
  "gender": [
   cat("jente", "Jente", "Pige", "Girl"),
   cat("gutt", "Gutt", "Dreng", "Boy"),
   cat("annet", "Annet / ikke-binær", "Andet / ikke-binær", "Other / non-binary")
  ],
  "body_type": [
   cat("child_welfare", "Barnevern", "Børneværn", "Child welfare"),
   cat("child_welfare_emergency", "Barnevernvakt", "Børneværnets døgnvagt", "Child welfare emergency service"),
   cat("alarmtelefonen", "Alarmtelefonen for barn og unge 116 111", "Alarmtelefonen for børn og unge 116 111", "Children's emergency line 116 111"),
   cat("police", "Politi", "Politi", "Police"),
   cat("school_nurse", "Helsesykepleier", "Sundhedsplejerske", "School nurse"),
   cat("school", "Skole", "Skole", "School"),
   cat("health", "Fastlege / helsetjeneste", "Egen læge / sundhedsvæsen", "GP / health service"),
   cat("other", "Annet", "Andet", "Other")
  ],
  "theme": kph_themes
 }
}
for h in (rk, kph):
    with open(f"data/helplines/{h['id']}.json", "w", encoding="utf-8") as f:
        json.dump(h, f, ensure_ascii=False, indent=1); f.write("\n")
