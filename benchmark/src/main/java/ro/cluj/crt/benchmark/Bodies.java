package ro.cluj.crt.benchmark;

/**
 * The request bodies the benchmark sends: one organisation, and an interview of the size staff typically record
 * (about 1.5 KB: two measures with target groups, partners and evidence, a funding need and a support offer).
 */
final class Bodies {

    static final String ORGANISATION = """
            {"name":"Asociația pentru Sprijin Comunitar Cluj","sector":"civil-society",
             "fields":["social-support-and-basic-needs","health","volunteering-and-solidarity"],
             "locality":"Cluj-Napoca, județul Cluj"}""";

    static final String INTERVIEW = """
            {"date":"2020-04-01","channel":"phone","consent":"publish",
             "measures":[
              {"title":"Food parcels for isolated elderly people","field":"social-support-and-basic-needs",
               "fieldDetail":"Home delivery","description":"Volunteers collected orders by phone and delivered \
            food and medicine weekly to people over 65 who could not leave home during the lockdown, in \
            coordination with the social assistance directorate.",
               "targetGroups":["older people living alone","people with disabilities"],
               "startDate":"2020-03-20","endDate":"2020-06-30",
               "partners":["Direcția de Asistență Socială și Medicală Cluj-Napoca","local parishes"],
               "reach":"about 450 households each week","evidence":["https://example.org/reports/2020-food"]},
              {"title":"Telephone line for psychological support","field":"health",
               "description":"Two psychologists and trained volunteers answered a free line every day from 9 to \
            21 and referred urgent cases to the county hospital.",
               "targetGroups":["medical staff","people in quarantine"],
               "startDate":"2020-03-25","partners":["Universitatea Babeș-Bolyai, Facultatea de Psihologie"],
               "reach":"1,200 calls in the first two months"}],
             "supportNeeds":[{"kind":"funding","horizon":"medium-term",
               "description":"Running costs of the delivery service after the emergency grant ends."}],
             "supportOffer":{"willing":true,"fields":["volunteering-and-solidarity"],
               "description":"Can train other organisations in running a volunteer delivery network."},
             "lessons":"A shared list of vulnerable people kept with the city hall would have saved the first two \
            weeks; volunteers need protective equipment from day one."}""";

    static final String LOGIN = """
            {"username":"staff","password":"staff-local-password"}""";

    static final String ADMIN_LOGIN = """
            {"username":"admin","password":"admin-local-password"}""";

    private Bodies() {
    }
}
