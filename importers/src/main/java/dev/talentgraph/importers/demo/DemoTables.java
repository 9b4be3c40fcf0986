package dev.talentgraph.importers.demo;

import java.util.List;
import java.util.Map;

/**
 * The fixed vocabulary the demo generator draws from: countries with their name pools, departments
 * with their job families and the skills each family uses. Kept apart from the generator so the
 * tables read as data and the generator as the process.
 */
final class DemoTables {
  private DemoTables() {}

  record Names(List<String> male, List<String> female, List<String> last) {}

  /**
   * @param salaryFactor multiplies the EUR salary bands (cost of labour relative to Germany)
   * @param languageSkill the local-language skill natives hold, or null (English is added separately)
   */
  record Country(String name, String region, List<String> cities, Names names, double weight, double salaryFactor,
      String phonePrefix, String languageSkill) {}

  /** A job family: the title stem and the skills (ids of skills or groups, with weights) it draws on. */
  record Family(String title, double weight, Map<String, Double> pool) {}

  /** @param noun used in manager titles ("Engineering Manager", "Director of Engineering") */
  record Department(String name, String noun, double weight, boolean technical, List<Family> families,
      List<String> teamFocuses, List<String> projectPurposes) {}

  static final Names GERMAN = new Names(
      List.of("Lukas", "Jonas", "Felix", "Maximilian", "Leon", "Paul", "Tobias", "Florian", "Stefan", "Markus", "Jan", "Niklas", "Matthias", "Sebastian", "Moritz", "Christian"),
      List.of("Anna", "Lea", "Laura", "Julia", "Lena", "Sophie", "Katharina", "Sarah", "Hannah", "Johanna", "Miriam", "Claudia", "Sabine", "Franziska", "Carolin", "Nina"),
      List.of("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Braun", "Zimmermann", "Hartmann", "Krüger", "Lange", "Werner"));
  static final Names FRENCH = new Names(
      List.of("Louis", "Hugo", "Lucas", "Thomas", "Nicolas", "Antoine", "Julien", "Mathieu", "Pierre", "Maxime", "Alexandre", "Romain", "Guillaume", "Baptiste"),
      List.of("Camille", "Chloé", "Manon", "Léa", "Sarah", "Marie", "Julie", "Claire", "Émilie", "Inès", "Pauline", "Élodie", "Margaux", "Céline"),
      List.of("Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Fournier", "Girard", "Bonnet", "Rousseau"));
  static final Names ENGLISH = new Names(
      List.of("James", "Oliver", "Jack", "Harry", "William", "Thomas", "George", "Daniel", "Michael", "Christopher", "Matthew", "Andrew", "Ryan", "Ethan", "Samuel", "David", "Joshua", "Benjamin"),
      List.of("Olivia", "Emily", "Sophie", "Charlotte", "Grace", "Emma", "Jessica", "Hannah", "Rachel", "Amy", "Rebecca", "Lucy", "Megan", "Sarah", "Elizabeth", "Abigail", "Chloe", "Natalie"),
      List.of("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Evans", "Walker", "Wright", "Thompson", "Robinson", "White", "Hughes", "Edwards", "Green", "Hall", "Wood", "Harris", "Clarke", "Lewis", "Miller", "Anderson", "Campbell", "Murphy", "Baker", "Carter"));
  static final Names SPANISH = new Names(
      List.of("Alejandro", "Pablo", "Daniel", "Javier", "Carlos", "Sergio", "Adrián", "David", "Manuel", "Álvaro", "Diego", "Jorge"),
      List.of("Lucía", "María", "Paula", "Laura", "Marta", "Sara", "Carmen", "Elena", "Alba", "Claudia", "Andrea", "Irene"),
      List.of("García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Álvarez"));
  /** Polish surnames in -ski/-cki take -ska/-cka for women; the generator applies that rule. */
  static final Names POLISH = new Names(
      List.of("Jakub", "Kacper", "Piotr", "Mateusz", "Tomasz", "Michał", "Krzysztof", "Paweł", "Marcin", "Łukasz", "Bartosz", "Wojciech"),
      List.of("Anna", "Zuzanna", "Julia", "Maja", "Katarzyna", "Agnieszka", "Magdalena", "Joanna", "Aleksandra", "Monika", "Ewa", "Karolina"),
      List.of("Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski", "Zieliński", "Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Mazur", "Krawczyk"));
  static final Names DUTCH = new Names(
      List.of("Daan", "Sem", "Lucas", "Thijs", "Bram", "Jesse", "Ruben", "Sander", "Joost", "Pieter", "Maarten", "Wouter"),
      List.of("Emma", "Julia", "Sophie", "Tess", "Anouk", "Fleur", "Sanne", "Lotte", "Eva", "Iris", "Femke", "Marloes"),
      List.of("de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Bos", "Vos"));
  static final Names PORTUGUESE = new Names(
      List.of("Miguel", "Arthur", "Gabriel", "Pedro", "Lucas", "Matheus", "Rafael", "Gustavo", "Felipe", "Thiago", "Bruno", "Rodrigo"),
      List.of("Ana", "Beatriz", "Mariana", "Larissa", "Camila", "Juliana", "Fernanda", "Gabriela", "Letícia", "Amanda", "Carolina", "Isabela"),
      List.of("Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes", "Costa", "Ribeiro", "Carvalho", "Almeida"));
  static final Names INDIAN = new Names(
      List.of("Aarav", "Vihaan", "Arjun", "Rohan", "Rahul", "Amit", "Vikram", "Karthik", "Siddharth", "Aditya", "Pranav", "Nikhil", "Sanjay", "Rajesh", "Varun", "Harish"),
      List.of("Priya", "Ananya", "Diya", "Aisha", "Kavya", "Neha", "Pooja", "Shreya", "Divya", "Meera", "Lakshmi", "Sneha", "Anjali", "Riya", "Swati", "Deepa"),
      List.of("Sharma", "Patel", "Singh", "Kumar", "Gupta", "Reddy", "Iyer", "Nair", "Rao", "Mehta", "Joshi", "Das", "Menon", "Chatterjee", "Krishnan", "Verma", "Banerjee", "Pillai"));
  static final Names SINGAPOREAN = new Names(
      List.of("Wei Jie", "Jun Hao", "Ming", "Kai Wen", "Jian Hong", "Zhi Wei", "Yong Sheng", "Daniel", "Marcus", "Ryan", "Arjun", "Hafiz"),
      List.of("Hui Min", "Xin Yi", "Jia Hui", "Mei Ling", "Li Ting", "Shu Fen", "Rachel", "Michelle", "Grace", "Vanessa", "Nur Aisyah", "Priya"),
      List.of("Tan", "Lim", "Lee", "Ng", "Ong", "Wong", "Goh", "Chua", "Chan", "Koh", "Teo", "Ang", "Yeo", "Tay"));
  static final Names JAPANESE = new Names(
      List.of("Haruto", "Ren", "Sota", "Yuto", "Takumi", "Hiroshi", "Kenji", "Daisuke", "Takeshi", "Yusuke", "Shota", "Kazuki"),
      List.of("Yui", "Hina", "Aoi", "Sakura", "Yuka", "Misaki", "Haruka", "Ayaka", "Naoko", "Yumi", "Emi", "Mai"),
      List.of("Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura", "Kobayashi", "Kato", "Yoshida", "Yamada", "Sasaki", "Matsumoto"));

  static final List<Country> COUNTRIES = List.of(
      new Country("Germany", "EMEA", List.of("Berlin", "Munich", "Hamburg"), GERMAN, 16, 1.00, "+49", "s-german"),
      new Country("France", "EMEA", List.of("Paris", "Lyon"), FRENCH, 8, 0.95, "+33", "s-french"),
      new Country("United Kingdom", "EMEA", List.of("London", "Manchester", "Edinburgh"), ENGLISH, 10, 1.05, "+44", null),
      new Country("Spain", "EMEA", List.of("Madrid", "Barcelona"), SPANISH, 6, 0.75, "+34", "s-spanish"),
      new Country("Poland", "EMEA", List.of("Warsaw", "Kraków", "Wrocław"), POLISH, 7, 0.55, "+48", null),
      new Country("Netherlands", "EMEA", List.of("Amsterdam", "Rotterdam"), DUTCH, 5, 1.00, "+31", null),
      new Country("United States", "Americas", List.of("New York", "San Francisco", "Austin", "Seattle"), ENGLISH, 18, 1.35, "+1", null),
      new Country("Canada", "Americas", List.of("Toronto", "Montreal", "Vancouver"), ENGLISH, 5, 1.00, "+1", "s-french"),
      new Country("Brazil", "Americas", List.of("São Paulo", "Recife"), PORTUGUESE, 5, 0.45, "+55", null),
      new Country("India", "APAC", List.of("Bangalore", "Pune", "Hyderabad"), INDIAN, 12, 0.30, "+91", null),
      new Country("Singapore", "APAC", List.of("Singapore"), SINGAPOREAN, 4, 1.00, "+65", null),
      new Country("Japan", "APAC", List.of("Tokyo", "Osaka"), JAPANESE, 4, 0.95, "+81", null),
      new Country("Australia", "APAC", List.of("Sydney", "Melbourne"), ENGLISH, 4, 1.05, "+61", null));

  /** Annual gross salary bands in EUR by grade 1..6, before the country factor. */
  static final int[] SALARY_BY_GRADE = {42_000, 55_000, 72_000, 92_000, 115_000, 145_000};

  static final String[] TECH_PREFIX = {"Junior ", "", "Senior ", "Staff ", "Principal ", "Distinguished "};
  static final String[] BUSINESS_PREFIX = {"Junior ", "", "Senior ", "Lead ", "Principal ", null};

  private static Family f(String title, double weight, Object... idWeight) {
    java.util.LinkedHashMap<String, Double> pool = new java.util.LinkedHashMap<>();
    for (int i = 0; i < idWeight.length; i += 2) {
      pool.put((String) idWeight[i], ((Number) idWeight[i + 1]).doubleValue());
    }
    return new Family(title, weight, java.util.Collections.unmodifiableMap(pool));
  }

  static final List<Department> DEPARTMENTS = List.of(
      new Department("Engineering", "Engineering", 30, true, List.of(
          f("Backend Engineer", 3, "s-backend-development", 3, "s-programming-languages", 2, "s-databases", 1.5, "s-software-design", 1.5, "s-software-quality", 1, "s-devops", 0.5, "s-version-control", 0.5),
          f("Frontend Engineer", 2, "s-frontend-development", 4, "s-javascript", 2, "s-typescript", 2, "s-software-quality", 1, "s-graphql", 0.5, "s-user-experience-design", 0.3, "s-version-control", 0.5),
          f("Full-Stack Engineer", 2, "s-backend-development", 2, "s-frontend-development", 2, "s-programming-languages", 1, "s-databases", 1, "s-software-quality", 1),
          f("Mobile Engineer", 1, "s-mobile-development", 4, "s-kotlin", 1, "s-swift", 1, "s-software-quality", 1, "s-frontend-development", 0.3),
          f("QA Engineer", 0.6, "s-software-quality", 4, "s-programming-languages", 1, "s-ci-cd", 1)),
          List.of("Payments", "Checkout", "Search", "Identity", "Platform Services", "Mobile Apps", "Web Experience", "Integrations", "Billing", "Messaging", "Marketplace", "Developer APIs"),
          List.of("Payments API v3", "Checkout redesign", "Search relevance overhaul", "Single sign-on rollout", "Monolith decomposition", "Mobile app rewrite", "Public GraphQL API", "Billing migration", "Notification service", "Accessibility fixes", "Partner integrations hub", "Latency reduction")),
      new Department("Data", "Data", 12, true, List.of(
          f("Data Scientist", 3, "s-data-science", 3, "s-machine-learning", 3, "s-python", 2, "s-sql", 1.5, "s-r-programming", 0.7, "s-analytics-and-bi", 0.5),
          f("Data Engineer", 2, "s-data-engineering", 4, "s-databases", 2, "s-python", 1.5, "s-sql", 2, "s-scala", 0.5, "s-cloud-platforms", 0.7, "s-apache-kafka", 0.5),
          f("Data Analyst", 2, "s-analytics-and-bi", 4, "s-sql", 2, "s-data-science", 1.5, "s-python", 0.7, "s-microsoft-excel", 1),
          f("Machine Learning Engineer", 1.5, "s-machine-learning", 4, "s-mlops", 1, "s-python", 2, "s-devops", 0.7, "s-data-engineering", 1, "s-kubernetes", 0.5)),
          List.of("Analytics", "Data Platform", "Forecasting", "Personalisation", "Insights", "Experimentation"),
          List.of("Churn prediction", "Demand forecasting", "Customer 360 data model", "Recommendation engine", "Experimentation platform", "Data lake migration", "Fraud scoring", "Self-service dashboards")),
      new Department("Research", "Research", 5, true, List.of(
          f("Research Scientist", 3, "s-machine-learning", 3, "s-natural-language-processing", 3, "s-computer-vision", 2, "s-data-science", 1.5, "s-python", 2, "s-pytorch", 1, "s-technical-writing", 0.7, "s-public-speaking", 0.3),
          f("Research Engineer", 2, "s-machine-learning", 2, "s-natural-language-processing", 2, "s-python", 2, "s-software-design", 1, "s-mlops", 1, "s-c-plus-plus", 0.5)),
          List.of("Language Technologies", "Vision", "Applied ML"),
          List.of("Multilingual skill extraction", "Resume parsing", "Document understanding", "Job matching model", "LLM evaluation harness", "Speech analytics")),
      new Department("Infrastructure", "Infrastructure", 9, true, List.of(
          f("Site Reliability Engineer", 2, "s-site-reliability-engineering", 4, "s-devops", 2, "s-cloud-platforms", 2, "s-linux-administration", 1, "s-go", 0.7, "s-python", 0.7, "s-networking", 1),
          f("Cloud Engineer", 2, "s-cloud-platforms", 4, "s-devops", 2, "s-networking", 1, "s-terraform", 1, "s-python", 0.5),
          f("Platform Engineer", 1.5, "s-devops", 3, "s-kubernetes", 2, "s-go", 1, "s-site-reliability-engineering", 1, "s-backend-development", 0.5)),
          List.of("Cloud Infrastructure", "Reliability", "Developer Productivity", "Networking", "Observability"),
          List.of("Kubernetes migration", "Multi-region failover", "Observability stack", "CI pipeline speed-up", "Cloud cost reduction", "Zero-downtime deploys")),
      new Department("Security", "Security", 5, true, List.of(
          f("Security Engineer", 3, "s-application-security", 3, "s-infrastructure-security", 3, "s-security-operations", 1.5, "s-python", 0.7, "s-cloud-platforms", 0.5),
          f("Security Analyst", 1.5, "s-security-operations", 4, "s-governance-and-compliance", 1.5, "s-networking", 1),
          f("GRC Specialist", 1, "s-governance-and-compliance", 4, "s-risk-management", 1, "s-regulatory-compliance", 1)),
          List.of("Product Security", "Security Operations", "Governance, Risk and Compliance"),
          List.of("SOC 2 certification", "Secrets management", "Bug bounty programme", "Zero-trust network", "Security awareness training")),
      new Department("Product", "Product", 7, false, List.of(
          f("Product Manager", 3, "s-product-management", 4, "s-user-research", 1, "s-analytics-and-bi", 1, "s-project-management", 1, "s-stakeholder-management", 1),
          f("Product Owner", 1.5, "s-product-management", 2, "s-project-management", 2, "s-scrum", 1, "s-requirements-engineering", 1),
          f("Technical Program Manager", 1, "s-project-management", 4, "s-stakeholder-management", 1, "s-risk-management", 1, "s-software-architecture", 0.3)),
          List.of("Product Growth", "Product Core", "Product Enterprise"),
          List.of("Pricing tiers", "Onboarding funnel", "Enterprise admin console", "Product analytics rollout")),
      new Department("Design", "Design", 5, false, List.of(
          f("Product Designer", 3, "s-user-experience-design", 4, "s-visual-design", 2, "s-figma", 1, "s-user-research", 1),
          f("UX Researcher", 1, "s-user-research", 3, "s-usability-testing", 2, "s-data-science", 0.5, "s-user-experience-design", 2)),
          List.of("Design Systems", "Product Design"),
          List.of("Design system 2.0", "Accessibility programme", "Mobile UX refresh")),
      new Department("Sales", "Sales", 9, false, List.of(
          f("Account Executive", 3, "s-sales", 4, "s-negotiation", 1, "s-crm", 1, "s-salesforce", 1, "s-communication", 1),
          f("Sales Engineer", 1.5, "s-sales", 2, "s-solution-selling", 1, "s-cloud-platforms", 1, "s-backend-development", 0.5, "s-communication", 1),
          f("Customer Success Manager", 1.5, "s-account-management", 3, "s-communication", 2, "s-crm", 1)),
          List.of("Enterprise Sales", "Mid-Market Sales", "Partnerships", "Customer Success"),
          List.of("CRM migration", "Partner programme launch", "Enterprise deal desk")),
      new Department("Marketing", "Marketing", 6, false, List.of(
          f("Marketing Manager", 2, "s-marketing", 4, "s-marketing-analytics", 1, "s-communication", 1),
          f("Content Strategist", 1, "s-content-marketing", 3, "s-technical-writing", 1, "s-search-engine-optimization", 1),
          f("Growth Analyst", 1, "s-marketing-analytics", 2, "s-analytics-and-bi", 2, "s-a-b-testing", 1, "s-sql", 1)),
          List.of("Growth Marketing", "Brand and Content", "Product Marketing"),
          List.of("Website relaunch", "Developer community programme", "Brand refresh", "Attribution model")),
      new Department("Finance", "Finance", 5, false, List.of(
          f("Financial Analyst", 3, "s-finance", 4, "s-microsoft-excel", 2, "s-analytics-and-bi", 1),
          f("Accountant", 2, "s-accounting", 3, "s-tax", 1, "s-controlling", 1, "s-microsoft-excel", 1)),
          List.of("Financial Planning", "Accounting", "Treasury and Tax"),
          List.of("ERP migration", "Budget planning tool", "Revenue recognition automation")),
      new Department("People", "People", 4, false, List.of(
          f("HR Business Partner", 2, "s-human-resources", 4, "s-leadership", 1, "s-employment-law", 0.5, "s-communication", 1),
          f("Recruiter", 2, "s-recruiting", 4, "s-onboarding", 1, "s-communication", 1, "s-negotiation", 0.5),
          f("Learning and Development Specialist", 1, "s-learning-and-development", 4, "s-facilitation", 1, "s-coaching", 1),
          f("People Analyst", 0.6, "s-hr-analytics", 3, "s-data-science", 1, "s-analytics-and-bi", 1, "s-sql", 0.5)),
          List.of("Talent Acquisition", "People Partners", "Learning"),
          List.of("Skills-based hiring", "Career framework", "Learning platform rollout", "Engagement survey")),
      new Department("Operations", "Operations", 3, false, List.of(
          f("Operations Manager", 2, "s-operations", 4, "s-project-management", 1),
          f("Legal Counsel", 1, "s-legal", 4, "s-gdpr", 1),
          f("Procurement Specialist", 1, "s-procurement", 3, "s-negotiation", 1, "s-supply-chain-management", 1)),
          List.of("Procurement", "Legal", "Workplace Operations"),
          List.of("Vendor consolidation", "Office move", "Contract management system")));

  /** Skills everybody in a technical department may hold besides their family's. */
  // Ordered maps only: Map.of iterates in an order salted per JVM, which would make the "same seed,
  // same graph" promise hold within one process but not across two.
  static final Map<String, Double> TECH_COMMON = f("", 0, "s-git", 2.0, "s-agile", 1.0, "s-scrum", 1.0, "s-code-review", 1.0, "s-sql", 0.5).pool();
  static final Map<String, Double> LEADER_COMMON = f("", 0, "s-people-management", 3.0, "s-mentoring", 2.0, "s-stakeholder-management", 2.0, "s-coaching", 1.0, "s-strategic-planning", 1.0).pool();

  static final List<String> PROVIDERS = List.of("TalentGraph Academy", "Coursera", "edX", "Udemy", "Pluralsight", "O'Reilly", "LinkedIn Learning");
  static final List<String> EVIDENCE = List.of("self-assessment", "manager assessment", "peer endorsement", "certification", "prior role");
  static final List<String> CODENAMES = List.of("Aurora", "Borealis", "Cobalt", "Delta", "Ember", "Falcon", "Glacier", "Harbor", "Indigo", "Juniper", "Kestrel", "Lumen", "Meridian", "Nimbus", "Onyx", "Polaris", "Quartz", "Rapids", "Sierra", "Tundra", "Umbra", "Vertex", "Willow", "Xenon", "Yarrow", "Zephyr", "Atlas", "Beacon", "Comet", "Drift");
  static final List<String> PAPER_DOMAINS = List.of("customer support", "e-commerce search", "job matching", "fraud detection", "supply chains", "clinical notes", "code review", "talent analytics", "multilingual text", "recommendation", "résumé parsing", "financial reports");
  static final List<String> VENUES = List.of("ACL", "EMNLP", "NAACL", "NeurIPS", "ICML", "KDD", "WWW", "SIGIR", "RecSys", "CVPR", "ICLR", "VLDB", "internal technical report");
  static final List<String> MARITAL = List.of("single", "married", "divorced", "widowed");
}
