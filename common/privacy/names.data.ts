/**
 * First names common among migrants in Europe and among their hosts, written for mentorNET from
 * general knowledge (no external list copied). Grouped by where the names are common and by
 * script; each name in the usual spellings of the seven languages. The detector compares without
 * case and diacritics and also finds Slavic and Greek case forms (Oksany, Андрію, Γιώργου).
 *
 * Names that are also ordinary words (Hope, Blessing, Vera, أمل, Надія, Ελπίδα …) are in
 * AMBIGUOUS_FIRST_NAMES: they count only beside a title or a phrase like "my mentee".
 */

const ARABIC_LATIN = `Abdallah Abdullah Abdul Abdulrahman Abdelkader Abdelaziz Adel Adil Ahmad Ahmed Ahmet Achmed
Aisha Aischa Aiša Ayesha Aya Ala Alaa Ali Amal Amin Amina Amira Ammar Anas Asma Ayman Aziz Bashar Bassam
Bilal Dalia Dina Fadi Fahad Faisal Farah Farid Fatima Fatma Fatemeh Fouad Ghada Ghassan Habib Hadi Hala
Hamid Hamza Hana Hanan Haneen Hani Haris Hassan Hasan Hatem Haytham Hiba Hoda Huda Hussein Husain Ibrahim
Imad Iman Ismail Issa Jamal Jamila Jihad Jumana Kamal Karim Khaled Khalid Khalil Lama Lamia Latifa Layla
Leila Leyla Lina Loay Lubna Mahmoud Mahmud Majid Malak Manal Mariam Maryam Marwa Marwan Maysa Mohamed
Mohammed Mohammad Muhammad Mohamad Mostafa Mustafa Muna Mona Munir Nabil Nada Nadia Nadim Naim Najwa Nasser
Nasir Nawal Nizar Noor Nour Nur Omar Omer Osama Rami Rana Randa Rania Rasha Rashid Reem Rim Riad Ruba Rula
Saad Sabah Sabri Said Saeed Saleh Salim Salma Salwa Sami Samir Samira Sana Sara Sarah Sawsan Shadi Sherif
Suha Suleiman Sulaiman Sultan Tamer Tarek Tariq Wael Waleed Walid Wafa Yara Yasmin Yasmine Jasmin Yasser
Yassin Yousef Youssef Yusuf Yussuf Josef Zaid Zainab Zeinab Zakaria Ziad`;

const AFGHAN_IRANIAN_LATIN = `Abbas Ahmadullah Ali Reza Alireza Arash Asadullah Atefeh Azadeh Bahar Bashir Behrouz Darius Dariush
Elham Farhad Farzana Fereshteh Ghulam Gul Gulalai Habibullah Hamed Hamid Hassan Hossein Hussain Jawad Javad
Kamran Khadija Mahboba Mahsa Masoud Mehdi Mina Mohsen Mojtaba Morteza Mursal Nasrin Navid Nazanin Negin
Obaid Parisa Parwin Rahim Rahima Rahmat Rahmatullah Reza Roya Sadaf Sahar Samiullah Shabnam Shafiq Shah
Shakila Shirin Sima Soraya Tahmina Wahid Zahra Zarghona Zohra Zabihullah Sayed Sayeda Nilofar Nooria`;

const TURKISH_KURDISH_LATIN = `Ahmet Ayşe Aylin Azad Baran Berivan Can Cem Deniz Derya Dilan Ebru Elif Emine Emre Esra Fatih Gül
Hatice Hüseyin Ibrahim Kemal Mehmet Merve Murat Mustafa Nesrin Rojda Rojin Ronahi Serhat Sevda Sinan Songül
Tuba Yusuf Zeynep Zozan Şirin Jiyan Hevin Dilovan Shivan Rezan Kawa`;

const AFRICAN_LATIN = `Abdi Abdirahman Abdoulaye Abebe Aboubacar Adama Adaeze Adebayo Aicha Aissatou Alpha Amadou Amara
Aminata Ayodele Bakary Binta Boubacar Chidi Chinedu Chioma Cheikh Dawit Eden Efua Emeka Fanta Fatou
Fatoumata Filmon Haile Hawa Ibrahima Idris Ifeoma Issa Kebede Kidane Kofi Kwame Lamin Lamine Mamadou
Mariama Mekdes Merhawit Meron Modou Moussa Mulugeta Musa Ngozi Nkechi Obinna Oluwaseun Ousmane Oumar
Samba Saliou Segun Selam Senait Seydou Solomon Sulemana Tekle Tesfay Tesfaye Tigist Tsegay Tsehay Yonas
Yohannes Yemane Awet Biniam Filimon Kiflom Habtom Aster Saba Semhar Helen Ruth Esther Samuel Daniel`;

const UKRAINIAN_RUSSIAN_LATIN = `Oksana Olena Olga Olha Iryna Irina Natalia Nataliya Natalija Natalya Tetiana Tetyana Tatiana Svitlana
Svetlana Halyna Galina Kateryna Katerina Yulia Yuliia Julia Anastasia Anastasiia Alina Daria Daryna Sofiia
Viktoria Viktoriia Valentyna Larysa Lyudmyla Liudmyla Nadiia Mariia Khrystyna Oleksandra Ivanna Inna
Andrii Andriy Andrij Oleksandr Oleksii Serhii Sergii Sergey Dmytro Dmitri Mykola Mykhailo Volodymyr Vasyl
Taras Bohdan Yurii Yuri Ihor Igor Oleh Oleg Maksym Maxim Artem Artur Denys Vitalii Vitaliy Pavlo Petro
Roman Stepan Yaroslav Vladyslav Kostiantyn Ivan Anton Nazar Danylo Illia Ilya Mykyta Nikita Timur`;

const GERMAN_LATIN = `Andrea Andreas Angelika Anja Anke Annette Barbara Bärbel Bernd Birgit Brigitte Christa Christian
Christina Christine Claudia Dagmar Dieter Dirk Doris Elke Erika Frank Franziska Gabriele Gerhard Gisela
Gudrun Hannelore Heike Heinz Helga Helmut Ingrid Jan Jens Jörg Jürgen Julia Jutta Karin Karl Katharina
Katrin Klaus Kerstin Lena Lukas Manfred Manuela Marion Markus Martin Martina Matthias Michael Monika Nicole
Petra Peter Ralf Renate Sabine Sandra Silke Simone Stefan Stefanie Susanne Thomas Torsten Ulrike Ursula
Uwe Werner Wolfgang Ute Hannah Leon Finn Jonas Paul Felix Emma Mia Lea Lina Marie Sophie Anna Maximilian
Tobias Florian Sebastian Johannes Moritz Niklas Tim Sven Kai Anne Hanna Greta Frieda Ida Clara Marlene`;

const ITALIAN_LATIN = `Alessandra Alessandro Alessia Andrea Angela Anna Antonella Antonio Barbara Beatrice Carla Carlo
Caterina Chiara Claudia Cristina Daniela Dario Davide Elena Elisa Emanuela Emanuele Enrico Fabio Federica
Federico Francesca Francesco Gabriele Giacomo Giada Gianluca Giorgia Giorgio Giovanna Giovanni Giulia
Giuliana Giulio Giuseppe Giuseppina Laura Lorenzo Luca Lucia Luigi Manuela Marco Margherita Maria Mario
Marta Massimo Matteo Michela Michele Nicola Paola Paolo Pietro Roberta Roberto Rosaria Salvatore Silvia
Simona Simone Stefania Stefano Teresa Tommaso Valentina Valeria Vincenzo Vittorio Emma Sofia Aurora Ginevra
Leonardo Riccardo Alberto Sergio Franco Maurizio Raffaele Ilaria Martina Sara Serena`;

const POLISH_LATIN = `Agnieszka Aleksandra Alicja Anna Barbara Beata Dorota Elżbieta Ewa Ewelina Grażyna Halina Hanna
Iwona Izabela Jadwiga Janina Joanna Justyna Kamila Karolina Katarzyna Kinga Krystyna Magdalena Małgorzata
Maria Marta Monika Natalia Paulina Renata Sylwia Teresa Urszula Weronika Zofia Zuzanna Adam Andrzej Artur
Bartosz Dariusz Grzegorz Jacek Jakub Jan Janusz Jarosław Jerzy Józef Kamil Krzysztof Łukasz Maciej Marcin
Marek Mariusz Mateusz Michał Paweł Piotr Rafał Robert Ryszard Sławomir Stanisław Szymon Tadeusz Tomasz
Wiesław Wojciech Zbigniew Kasia Basia Zosia Ania Asia Marysia Gosia Ola Tomek Kuba Bartek Wojtek`;

const GREEK_LATIN = `Georgios Giorgos Yiorgos Dimitris Dimitrios Konstantinos Kostas Nikos Nikolaos Giannis Yannis
Ioannis Panagiotis Christos Vasilis Vasileios Michalis Eleni Katerina Aikaterini Vasiliki Sofia Ioanna
Despina Dimitra Georgia Angeliki Evangelia Christina Paraskevi Stavroula Anastasia Theodora Kalliopi`;

const ENGLISH_LATIN = `Alice Amelia Amy Andrew Anthony Ben Benjamin Charlotte Chloe Daniel David Edward Elizabeth Emily
Emma Ethan George Hannah Harry Helen Isabella Jack Jacob James Jane Jennifer Jessica John Jonathan
Joseph Karen Kate Katherine Laura Lucy Margaret Mary Matthew Megan Michael Nathan Oliver Olivia Patrick
Paul Rachel Rebecca Richard Robert Ryan Samuel Sarah Sophie Stephen Susan Thomas William Linda Sharon
Deborah Julie Claire Fiona Gareth Ian Simon Steven Christopher Kevin Brian Jason Liam Noah Lily`;

const ARABIC_SCRIPT = `أحمد احمد محمد محمود مصطفى علي عمر عمار عثمان خالد خليل يوسف إبراهيم ابراهيم إسماعيل اسماعيل
حسين حسان سامي سامر سمير سليم سليمان طارق عادل عبدالله  عبدالرحمن  عماد عيسى فادي فراس
فيصل كريم ماجد مازن مالك مراد مروان ناصر نبيل نزار هاني هشام وائل وليد ياسر ياسين زياد زيد رامي رائد
باسل بشار بلال جمال جهاد حامد حمزة رشيد صالح صلاح ضياء عامر عبير علاء غسان قاسم لؤي مجد مهدي موسى
نادر هادي همام أنس أيمن أسامة فاطمة عائشة زينب مريم سلمى سارة ليلى لينا لمى رنا رانيا ريم رهف روان
ديانا دينا رشا ريما سعاد سلوى سناء سوسن شيماء صفاء عبلة غادة فرح لبنى ماجدة منال مها ميساء نادية نجلاء
نسرين نهى نوال هبة هند هناء هيفاء وفاء ياسمين يارا آية اية أسماء اسماء خديجة رقية حليمة أمينة امينة
زهراء الزهراء جميلة سميرة نجوى بتول تسنيم دعاء رغد شهد غنى جود حلا سيدرا ملك`;

const CYRILLIC = `Оксана Олена Ольга Ірина Наталія Наталя Тетяна Світлана Галина Катерина Юлія Анастасія Аліна Дарина
Дар'я Софія Вікторія Валентина Лариса Людмила Марія Христина Олександра Іванна Інна Ганна Анна Алла
Ніна Зоя Тамара Лідія Раїса Євгенія Яна Василина Уляна Соломія Злата Мирослава Богдана Марина Олеся
Андрій Олександр Олексій Сергій Дмитро Микола Михайло Володимир Василь Тарас Юрій Ігор Олег Максим
Артем Денис Віталій Павло Петро Степан Ярослав Владислав Костянтин Іван Антон Назар Данило Ілля Микита
Євген Григорій Олесь Остап Орест Роман Богдан Вадим Віктор Валерій Геннадій Анатолій Леонід Федір
Софійка Сашко Оля Оленка Іринка Наталка Марійка Катруся Юрко Андрійко Василько Ірина Наталья Татьяна
Светлана Екатерина Юлия Анастасия Дарья Виктория Людмила Мария Александра Андрей Александр Алексей
Сергей Дмитрий Николай Михаил Владимир Юрий Игорь Максим Артём Денис Павел Пётр Иван Никита`;

const GREEK_SCRIPT = `Γιώργος Γεώργιος Δημήτρης Δημήτριος Κωνσταντίνος Κώστας Νίκος Νικόλαος Γιάννης Ιωάννης
Παναγιώτης Χρήστος Βασίλης Βασίλειος Μιχάλης Αντώνης Θανάσης Σπύρος Στέλιος Μανώλης Παύλος Πέτρος
Ελένη Κατερίνα Αικατερίνη Βασιλική Σοφία Ιωάννα Δέσποινα Δήμητρα Γεωργία Αγγελική Ευαγγελία Χριστίνα
Παρασκευή Σταυρούλα Αναστασία Θεοδώρα Καλλιόπη Μαρία Άννα Φωτεινή Ευτυχία Κυριακή Ζωή
Αχμάντ Αχμέτ Μοχάμεντ Μοχάμαντ Μωχάμεντ Μουχαμάντ Αλί Ομάρ Γιουσέφ Ιμπραήμ Χασάν Χουσεΐν Καρίμ
Μαχμούντ Μουσταφά Χαλίντ Ταρέκ Σαμίρ Μπιλάλ Φατιμά Φάτιμα Αϊσά Αΐσα Ζαχρά Ζάχρα Μαριάμ Αμίνα Λεϊλά
Λέιλα Σάρα Γιασμίν Νουρ Ρεζά Μεχντί Αμπντούλ Αμπντουλάχ Χαμίντ Ραχίμ Σαΐντ Ολένα Οξάνα Ιρίνα`;

/** Names that are also everyday words: counted only beside a title or a mentee phrase. */
export const AMBIGUOUS_FIRST_NAMES = `Hope Grace Joy Faith Mercy Patience Blessing Gift Favour Precious Comfort Peace Charity
Innocent Prince Princess Happy Lucky Goodluck Will May Mark Bill Rose Ruby Summer Dawn Sunny Destiny
Vera Rosa Gioia Speranza Felice Fortunato Benedetto Celeste Sole Luce Marina Viola Serena Bruno Gloria Aurora
Frank Ernst Hoffnung Inna Roman Nadia Amal Ali Sara Mia Nur Noor Nour Can Deniz Eden Saba Gul Shah Said
أمل نور سلام كريم جميلة سعيد حسن أمين صابر رحمة هدى منى عادل فرح إيمان أحلام حياة عزيز راضي
ملك جود غنى شهد رغد دعاء حلا علي مالك صالح سليم نادر هادي جمال جهاد مجد ضياء صفاء آية اية
Asia Kuba Jan
Віра Надія Любов Роман Слава Мир Ελπίδα Χαρά Ειρήνη Αγάπη Νίκη Ζωή`;

export const FIRST_NAMES = [
  ARABIC_LATIN,
  AFGHAN_IRANIAN_LATIN,
  TURKISH_KURDISH_LATIN,
  AFRICAN_LATIN,
  UKRAINIAN_RUSSIAN_LATIN,
  GERMAN_LATIN,
  ITALIAN_LATIN,
  POLISH_LATIN,
  GREEK_LATIN,
  ENGLISH_LATIN,
  ARABIC_SCRIPT,
  CYRILLIC,
  GREEK_SCRIPT,
].join(' ');
